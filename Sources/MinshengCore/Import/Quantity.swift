import Foundation

/// A number with its unit of measure as written in a plan (9.86万人, 100%, 15亿元), with its place in the text.
package struct Quantity: Sendable, Hashable {
    /// Character offsets of the whole quantity (number, multiplier and unit) in the scanned text.
    package var range: Range<Int>
    /// Offset where the number starts.
    package var numberStart: Int
    /// The value with 万 and 亿 applied: 9.86万 is 98600.
    package var value: Decimal
    /// The unit of measure as written, without the multiplier (人, 元, 平方米, %, 个百分点).
    package var unit: String
}

/// Finds quantities in text: Arabic or Chinese numerals, an optional 万/亿 multiplier, and a unit of measure.
///
/// Numbers without a unit of measure (years, ages, ordinals, names such as 4G, levels such as 四级) are not
/// quantities, because their next word is not a unit.
package enum QuantityScanner {
    /// Units of measure, longest first so that 人次 wins over 人.
    static let units: [[Character]] = [
        "个百分点", "百分点", "平方公里", "平方米", "立方米", "万千瓦", "人次", "批次", "户次", "车次", "公里", "千米", "公顷",
        "千瓦", "兆瓦", "个", "人", "名", "所", "座", "处", "条", "辆", "套", "户", "张", "台", "件", "场", "次", "路", "米",
        "亩", "元", "吨", "家", "间", "栋", "项", "份", "册", "株", "棵", "盏", "眼", "块", "床", "例", "班", "篇", "部",
        "支", "%", "％", "‰",
    ].map { Array($0) }

    /// The ASCII digit a full-width or ASCII digit character stands for.
    package static func asciiDigit(_ c: Character) -> Character? {
        guard let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return nil }
        switch scalar.value {
        case 0x30...0x39: return c
        case 0xFF10...0xFF19: return Character(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
        default: return nil
        }
    }

    /// Every quantity in the characters, in order.
    package static func scan(_ chars: [Character]) -> [Quantity] {
        var found: [Quantity] = []
        var index = 0
        while index < chars.count {
            if let quantity = quantity(at: index, in: chars) {
                found.append(quantity)
                index = quantity.range.upperBound
            } else {
                index += 1
            }
        }
        return found
    }

    /// The quantity whose number starts exactly at `start`, if any.
    static func quantity(at start: Int, in chars: [Character]) -> Quantity? {
        if start > 0, asciiDigit(chars[start - 1]) != nil || chars[start - 1] == "." { return nil }
        if start > 0, ChineseText.isChineseNumeral(chars[start - 1]) { return nil }
        guard let (number, numberEnd) = readNumber(at: start, in: chars) else { return nil }
        var end = numberEnd
        var value = number
        while end < chars.count {
            if chars[end] == "万" {
                value *= 10_000
                end += 1
            } else if chars[end] == "亿" {
                value *= 100_000_000
                end += 1
            } else {
                break
            }
        }
        guard
            let unit = units.first(where: { unit in
                end + unit.count <= chars.count && Array(chars[end..<(end + unit.count)]) == unit
            })
        else { return nil }
        return Quantity(range: start..<(end + unit.count), numberStart: start, value: value, unit: String(unit))
    }

    /// Reads an Arabic number (with decimals and thousands separators) or a Chinese numeral of two or more.
    private static func readNumber(at start: Int, in chars: [Character]) -> (Decimal, Int)? {
        var digits = ""
        var end = start
        if asciiDigit(chars[start]) != nil {
            while end < chars.count {
                if let d = asciiDigit(chars[end]) {
                    digits.append(d)
                    end += 1
                } else if chars[end] == "." || chars[end] == "．", end + 1 < chars.count, asciiDigit(chars[end + 1]) != nil, !digits.contains(".") {
                    digits.append(".")
                    end += 1
                } else if chars[end] == ",", !digits.contains("."), end + 3 < chars.count,
                    (1...3).allSatisfy({ asciiDigit(chars[end + $0]) != nil }),
                    end + 4 >= chars.count || asciiDigit(chars[end + 4]) == nil
                {
                    end += 1
                } else {
                    break
                }
            }
            guard let value = DecimalText.parse(digits) else { return nil }
            return (value, end)
        }
        while end < chars.count, ChineseText.isChineseNumeral(chars[end]) { end += 1 }
        guard end > start, let value = ChineseText.numeralValue(String(chars[start..<end])), value >= 2 else { return nil }
        return (Decimal(value), end)
    }
}
