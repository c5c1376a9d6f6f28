import Foundation
import MinshengCore

// Benchmarks of Minsheng's pure domain. Run in release mode:
//   swift run -c release minsheng-bench import [ITEMS] [REPETITIONS]

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

func benchmarkImport(items: Int, repetitions: Int) throws {
    let text = try SyntheticPlan.document(items: items)
    let data = Data(text.utf8)
    print("import: \(items) items, \(data.count) bytes, best of \(repetitions)")
    var best = Duration.seconds(1_000_000)
    var parsed = 0
    var indicators = 0
    let clock = ContinuousClock()
    for _ in 0..<repetitions {
        let start = clock.now
        let draft = try PlanImporter().read(data, fileName: "synthetic.md")
        let elapsed = clock.now - start
        best = min(best, elapsed)
        parsed = draft.items.count
        indicators = draft.items.reduce(0) { $0 + $1.indicators.count }
    }
    print(String(format: "  parsed %d items, %d indicators in %.1f ms (best)", parsed, indicators, milliseconds(best)))
}

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "import":
    let items = arguments.count > 1 ? Int(arguments[1]) ?? 5000 : 5000
    let repetitions = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5
    try benchmarkImport(items: items, repetitions: repetitions)
default:
    print("usage: minsheng-bench import [ITEMS] [REPETITIONS]")
    exit(2)
}
