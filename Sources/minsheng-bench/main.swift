import Foundation
import MinshengCore

// Benchmarks of Minsheng's pure domain. Run in release mode:
//   swift run -c release minsheng-bench import [ITEMS] [REPETITIONS]
//   swift run -c release minsheng-bench assess [ITEMS] [REPETITIONS]
//   swift run -c release minsheng-bench assess-plans [PLANS] [ITEMS] [REPETITIONS]

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

/// A plan of `items` items (the demo's, repeated) with twelve months of accepted values typed to two decimal places,
/// each item at its own pace.
func syntheticInput(draft: PlanDraft, seed: UInt64) -> AssessmentInput {
    var items: [Item] = []
    var indicators: [Indicator] = []
    var accepted: [AcceptedValue] = []
    var submitted: [Int64: Set<Int>] = [:]
    var random = SplitMix64(seed: seed)
    var nextIndicator: Int64 = 1
    for (index, itemDraft) in draft.items.enumerated() {
        let itemID = Int64(index + 1)
        items.append(Item(id: itemID, planID: 1, categoryID: 1, number: itemDraft.number, text: itemDraft.text, title: itemDraft.title))
        submitted[itemID] = Set(1...12)
        let pace = Decimal(70 + Int(random.next() % 60)) / 100
        for (ordinal, indicatorDraft) in itemDraft.indicators.enumerated() {
            let indicator = Indicator(
                id: nextIndicator, itemID: itemID, ordinal: ordinal + 1, name: indicatorDraft.name, target: indicatorDraft.target,
                measure: indicatorDraft.unit, kind: indicatorDraft.kind, provisional: indicatorDraft.provisional, deadline: indicatorDraft.deadline)
            nextIndicator += 1
            indicators.append(indicator)
            for month in 1...12 {
                if let target = indicator.target {
                    var exact = target * pace * Decimal(month) / 12
                    var typed = Decimal()
                    NSDecimalRound(&typed, &exact, 2, .plain)
                    accepted.append(AcceptedValue(indicatorID: indicator.id, month: month, value: typed))
                } else if month >= 6 {
                    accepted.append(AcceptedValue(indicatorID: indicator.id, month: month, reachedOn: CalendarDate(year: 2019, month: 6, day: 1)))
                }
            }
        }
    }
    return AssessmentInput(year: 2019, items: items, indicators: indicators, accepted: accepted, submittedMonths: submitted)
}

/// One plan of `items` items assessed at September.
func benchmarkAssessment(items count: Int, repetitions: Int) throws {
    let input = syntheticInput(draft: try PlanImporter().read(Data(try SyntheticPlan.document(items: count).utf8), fileName: "synthetic.md"), seed: 7)
    print("assess: \(input.items.count) items, \(input.indicators.count) indicators, \(input.accepted.count) accepted values, best of \(repetitions)")
    var best = Duration.seconds(1_000_000)
    let clock = ContinuousClock()
    var completed = 0
    for _ in 0..<repetitions {
        let start = clock.now
        let assessment = Assessor().assess(input, at: .month(year: 2019, month: 9))
        best = min(best, clock.now - start)
        completed = assessment.counts[.completed] ?? 0
    }
    print(String(format: "  assessed in %.1f ms (best); %d items completed", milliseconds(best), completed))
}

/// Many plans of `items` items each (a nation: 3,000 plans of about 33), assessed at September on every core.
func benchmarkPlans(plans count: Int, items: Int, repetitions: Int) throws {
    let draft = try PlanImporter().read(Data(try SyntheticPlan.document(items: items).utf8), fileName: "synthetic.md")
    let inputs = (0..<count).map { syntheticInput(draft: draft, seed: UInt64($0)) }
    let values = inputs.reduce(0) { $0 + $1.accepted.count }
    let cores = ProcessInfo.processInfo.activeProcessorCount
    print("assess-plans: \(count) plans × \(draft.items.count) items, \(values) accepted values, \(cores) cores, best of \(repetitions)")
    var best = Duration.seconds(1_000_000)
    let clock = ContinuousClock()
    for _ in 0..<repetitions {
        let start = clock.now
        DispatchQueue.concurrentPerform(iterations: cores) { worker in
            for index in stride(from: worker, to: inputs.count, by: cores) {
                _ = Assessor().assess(inputs[index], at: .month(year: 2019, month: 9))
            }
        }
        best = min(best, clock.now - start)
    }
    print(String(format: "  assessed in %.1f ms (best)", milliseconds(best)))
}

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "import":
    let items = arguments.count > 1 ? Int(arguments[1]) ?? 5000 : 5000
    let repetitions = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5
    try benchmarkImport(items: items, repetitions: repetitions)
case "assess":
    let items = arguments.count > 1 ? Int(arguments[1]) ?? 5000 : 5000
    let repetitions = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5
    try benchmarkAssessment(items: items, repetitions: repetitions)
case "assess-plans":
    let plans = arguments.count > 1 ? Int(arguments[1]) ?? 3000 : 3000
    let items = arguments.count > 2 ? Int(arguments[2]) ?? 33 : 33
    let repetitions = arguments.count > 3 ? Int(arguments[3]) ?? 3 : 3
    try benchmarkPlans(plans: plans, items: items, repetitions: repetitions)
default:
    print("usage: minsheng-bench import|assess [ITEMS] [REPETITIONS] | assess-plans [PLANS] [ITEMS] [REPETITIONS]")
    exit(2)
}
