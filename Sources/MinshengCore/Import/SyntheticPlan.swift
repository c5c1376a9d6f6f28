/// Generates plan documents of any size in the seed's layout, for benchmarks and scale tests.
///
/// Items are the demo plan's items in turn, renumbered, with their numbers varied by a deterministic generator,
/// so a document of 5,000 items reads like fifty real plans end to end.
package enum SyntheticPlan {
    /// A Markdown plan of `items` items in categories of about `perCategory`.
    package static func document(items: Int, perCategory: Int = 50, seed: UInt64 = 1) throws -> String {
        let demo = PlanTextParser().parse(try DemoPlan.text())
        let templates = demo.items
        var generator = SplitMix64(seed: seed)
        var lines = ["# 2019年示范市重点民生实事工作方案", "", "市委、市政府决定,集中办好关系群众切身利益的重点民生实事。", ""]
        for number in 1...max(1, items) {
            if (number - 1) % perCategory == 0 {
                let category = (number - 1) / perCategory + 1
                lines.append("## \(ChineseNumeralWriter.string(min(category, 99)))、第\(category)类")
                lines.append("")
            }
            let template = templates[(number - 1) % templates.count]
            lines.append("\(number).\(varied(template.text, using: &generator))")
            lines.append("")
            lines.append("**牵头单位:**" + template.leadUnits.joined(separator: "、") + "  ")
            if !template.responsibleUnits.isEmpty {
                lines.append("**责任单位:**" + template.responsibleUnits.joined(separator: "、"))
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// The text with each Arabic number scaled by a factor between 0.5 and 1.5.
    private static func varied(_ text: String, using generator: inout SplitMix64) -> String {
        var result = ""
        var digits = ""
        func flush() {
            guard !digits.isEmpty else { return }
            if let value = Int(digits), value > 10, value < 10_000_000 {
                result += String(max(1, value * Int(50 + generator.next() % 101) / 100))
            } else {
                result += digits
            }
            digits = ""
        }
        for c in text {
            if c.isASCII && c.isNumber {
                digits.append(c)
            } else {
                flush()
                result.append(c)
            }
        }
        flush()
        return result
    }
}

/// A small deterministic random number generator (SplitMix64), the same on every platform.
package struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    package init(seed: UInt64) {
        state = seed
    }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
