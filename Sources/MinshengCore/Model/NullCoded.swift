/// An optional property that JSON always shows: `null` when absent, rather than leaving the key out as synthesized
/// `Encodable` does. Stable JSON shapes (the import dry run, the API) rely on every key being present.
@propertyWrapper
package struct NullCoded<Value> {
    package var wrappedValue: Value?

    package init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }
}

extension NullCoded: Encodable where Value: Encodable {
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}

extension NullCoded: Decodable where Value: Decodable {
    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        wrappedValue = container.decodeNil() ? nil : try container.decode(Value.self)
    }
}

extension NullCoded: Sendable where Value: Sendable {}
extension NullCoded: Equatable where Value: Equatable {}
extension NullCoded: Hashable where Value: Hashable {}

extension KeyedDecodingContainer {
    /// A missing key decodes as nil, as for a plain optional.
    package func decode<Value: Decodable>(_ type: NullCoded<Value>.Type, forKey key: Key) throws -> NullCoded<Value> {
        try decodeIfPresent(type, forKey: key) ?? NullCoded(wrappedValue: nil)
    }
}
