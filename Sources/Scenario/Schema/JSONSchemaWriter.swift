import Foundation

/// Writes a `Schema` as a JSON Schema (draft 2020-12), so editors can check scenario files as
/// they are typed.
public enum JSONSchemaWriter {
    /// The JSON Schema of `schema`, titled `title`, pretty-printed with sorted keys; with
    /// `distributions`, number fields outside the plan may also hold an `InputDistribution`.
    public static func document(for schema: Schema, title: String, distributions: Bool = false) -> String {
        var root = object(for: schema, distributions: distributions)
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        root["title"] = title
        let data = try! JSONSerialization.data(
            withJSONObject: root, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    static func object(for schema: Schema, distributions: Bool = false) -> [String: Any] {
        switch schema {
        case .object(let fields):
            var properties: [String: Any] = [:]
            for field in fields {
                var property = object(for: field.schema, distributions: distributions && field.name != "plan")
                property["description"] = field.description
                properties[field.name] = property
            }
            return [
                "type": "object", "properties": properties, "additionalProperties": false,
                "required": fields.filter(\.required).map(\.name),
            ]
        case .array(let item, let count):
            var result: [String: Any] = [
                "type": "array", "items": object(for: item, distributions: distributions),
                "minItems": count.lowerBound,
            ]
            if count.upperBound != Int.max { result["maxItems"] = count.upperBound }
            return result
        case .integer(let range, let unit):
            var result: [String: Any] = ["type": "integer"]
            if range.lowerBound != Int.min { result["minimum"] = range.lowerBound }
            if range.upperBound != Int.max { result["maximum"] = range.upperBound }
            if let unit { result["x-unit"] = unit }
            return result
        case .number(let range, let unit):
            var result: [String: Any] = ["type": "number"]
            if range.lowerBound.isFinite { result["minimum"] = range.lowerBound }
            if range.upperBound.isFinite { result["maximum"] = range.upperBound }
            if let unit { result["x-unit"] = unit }
            return distributions ? ["anyOf": [result, distribution]] : result
        case .string:
            return ["type": "string", "minLength": 1]
        case .choice(let words):
            return ["enum": words]
        case .boolean:
            return ["type": "boolean"]
        case .month:
            return ["type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$"]
        }
    }

    /// One of the distributions a number may be written as.
    static var distribution: [String: Any] {
        [
            "oneOf": InputDistribution.forms.map { form in
                [
                    "type": "object", "additionalProperties": false, "required": [form.name],
                    "properties": [
                        form.name: [
                            "type": "object", "additionalProperties": false, "required": form.parameters,
                            "properties": Dictionary(
                                uniqueKeysWithValues: form.parameters.map { ($0, ["type": "number"]) }),
                        ]
                    ],
                ]
            }
        ]
    }
}
