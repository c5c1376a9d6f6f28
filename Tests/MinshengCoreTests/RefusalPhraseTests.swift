import Foundation
import Testing

@testable import MinshengCore

/// Every refusal of core carries a stable code and says why in Chinese and in English, each in its own language.
@Suite struct RefusalPhraseTests {
    /// Every refusal core can give, with representative parameters.
    static var refusals: [any CodedRefusal] {
        var all: [any CodedRefusal] = []
        for action in ReportAction.allCases {
            all.append(ReportWorkflow.Refusal.notYourRole(action))
            all.append(ReportWorkflow.Refusal.reasonRequired(action))
            for state in ReportState.allCases { all.append(ReportWorkflow.Refusal.notAllowedInState(action, state)) }
        }
        all += [
            ValueBounds.Refusal.negative, ValueBounds.Refusal.tooLarge(limit: ValueBounds.largest),
            ValueBounds.Refusal.tooPrecise(places: ValueBounds.places), ValueBounds.Refusal.numberForMilestone,
        ]
        all += [
            MessageGuard.Refusal.empty, .tooShort(minimum: 4), .tooLong(maximum: 500, length: 501), .containsLink, .repeated,
            .tooManyMessages(limit: 5), .tooManyRatings(limit: 60), .badPhone,
        ]
        all += AccountPolicy.Refusal.allCases
        return all
    }

    @Test func eachRefusalHasItsOwnCode() {
        let codes = Self.refusals.map(\.code)
        #expect(Set(codes).count == codes.count, "\(codes)")
        for code in codes {
            #expect(code.range(of: #"^[a-z][A-Za-z]*(\.[a-z][A-Za-z]*)+$"#, options: .regularExpression) != nil, "\(code)")
        }
    }

    @Test func eachRefusalSaysWhyInBothLanguages() {
        for refusal in Self.refusals {
            let phrase = refusal.phrase
            #expect(!phrase.zh.isEmpty && !phrase.en.isEmpty, "\(refusal.code)")
            #expect(!phrase.zh.unicodeScalars.contains { $0.isASCII && $0.properties.isAlphabetic }, "\(refusal.code): \(phrase.zh)")
            #expect(!phrase.en.unicodeScalars.contains(where: Self.isCJK), "\(refusal.code): \(phrase.en)")
        }
    }

    @Test func theEnglishDescriptionIsUnchanged() {
        #expect(ReportWorkflow.Refusal.reasonRequired(.return).description == "A reason is required to return a report.")
        #expect(ReportWorkflow.Refusal.reasonRequired(.return).code == "report.return.reasonRequired")
        #expect(ReportWorkflow.Refusal.reasonRequired(.return).phrase.zh == "退回报告须填写原因。")
        #expect(ReportWorkflow.Refusal.notAllowedInState(.edit, .submitted).description == "A submitted report cannot be edited.")
        #expect(ReportWorkflow.Refusal.notYourRole(.accept).description == "Your role may not accept this report.")
        #expect(MessageGuard.Refusal.badPhone.phrase == Phrase(zh: MessageGuard.Refusal.badPhone.chinese, en: MessageGuard.Refusal.badPhone.english))
    }

    /// Whether a character is Chinese, Japanese or Korean, or their full-width punctuation.
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3000...0x303F, 0x3400...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFFEF: return true
        default: return false
        }
    }
}
