/// A JSON Schema subset, enough to describe Minsheng's API in its OpenAPI document and to check responses in tests.
indirect enum APISchema: Sendable {
    case string(format: String? = nil)
    case integer
    /// A JSON number (shares such as progress; exact quantities are strings instead).
    case number
    case boolean
    case array(APISchema)
    case object([(String, APISchema)], required: [String])
    case nullable(APISchema)
    case ref(String)
    case enumeration([String])
    /// Any JSON value.
    case any

    /// The schema as OpenAPI 3.0 JSON.
    var json: [String: any Sendable] {
        switch self {
        case .string(let format):
            var result: [String: any Sendable] = ["type": "string"]
            if let format { result["format"] = format }
            return result
        case .integer: return ["type": "integer", "format": "int64"]
        case .number: return ["type": "number"]
        case .boolean: return ["type": "boolean"]
        case .array(let items): return ["type": "array", "items": items.json]
        case .object(let properties, let required):
            var result: [String: any Sendable] = [
                "type": "object",
                "properties": Dictionary(uniqueKeysWithValues: properties.map { ($0.0, $0.1.json as any Sendable) }),
            ]
            if !required.isEmpty { result["required"] = required }
            return result
        case .nullable(let inner):
            var result = inner.json
            if result["$ref"] != nil { return ["allOf": [result], "nullable": true] }
            result["nullable"] = true
            return result
        case .ref(let name): return ["$ref": "#/components/schemas/\(name)"]
        case .enumeration(let values): return ["type": "string", "enum": values]
        case .any: return [:]
        }
    }

    /// Convenience for an object whose listed properties are all required.
    static func record(_ properties: [(String, APISchema)]) -> APISchema {
        .object(properties, required: properties.map(\.0))
    }
}
