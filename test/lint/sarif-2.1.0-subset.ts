/**
 * The part of the SARIF 2.1.0 schema (OASIS, sarif-schema-2.1.0.json) that our output uses, with
 * the schema's own constraints on those properties, plus what GitHub code scanning requires on
 * top (ruleId on every result, rules listed in tool.driver.rules, a location with a line).
 * Written from the specification because tests run without network access.
 */
const message = {
  type: "object",
  required: ["text"],
  properties: { text: { type: "string" }, id: { type: "string" } },
};
const region = {
  type: "object",
  required: ["startLine", "startColumn"],
  properties: {
    startLine: { type: "integer", minimum: 1 },
    startColumn: { type: "integer", minimum: 1 },
    endLine: { type: "integer", minimum: 1 },
    endColumn: { type: "integer", minimum: 1 },
    snippet: { type: "object", properties: { text: { type: "string" } } },
  },
};
const artifactLocation = {
  type: "object",
  required: ["uri"],
  properties: { uri: { type: "string", format: "uri-reference" }, uriBaseId: { type: "string" } },
};
export const SARIF_SUBSET_SCHEMA = {
  type: "object",
  required: ["version", "$schema", "runs"],
  properties: {
    $schema: { type: "string", format: "uri" },
    version: { enum: ["2.1.0"] },
    runs: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        required: ["tool", "results", "columnKind"],
        properties: {
          columnKind: { enum: ["utf16CodeUnits", "unicodeCodePoints"] },
          tool: {
            type: "object",
            required: ["driver"],
            properties: {
              driver: {
                type: "object",
                required: ["name", "rules"],
                properties: {
                  name: { type: "string", minLength: 1 },
                  version: { type: "string" },
                  informationUri: { type: "string", format: "uri" },
                  rules: {
                    type: "array",
                    uniqueItems: true,
                    items: {
                      type: "object",
                      required: ["id", "shortDescription"],
                      properties: {
                        id: { type: "string", minLength: 1 },
                        shortDescription: message,
                        fullDescription: message,
                        help: message,
                        defaultConfiguration: {
                          type: "object",
                          properties: { level: { enum: ["none", "note", "warning", "error"] } },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
          results: {
            type: "array",
            items: {
              type: "object",
              required: ["ruleId", "level", "message", "locations"],
              properties: {
                ruleId: { type: "string", minLength: 1 },
                ruleIndex: { type: "integer", minimum: -1 },
                level: { enum: ["none", "note", "warning", "error"] },
                message,
                locations: {
                  type: "array",
                  minItems: 1,
                  items: {
                    type: "object",
                    required: ["physicalLocation"],
                    properties: {
                      physicalLocation: {
                        type: "object",
                        required: ["artifactLocation", "region"],
                        properties: { artifactLocation, region },
                      },
                    },
                  },
                },
                fixes: {
                  type: "array",
                  items: {
                    type: "object",
                    required: ["artifactChanges"],
                    properties: {
                      description: message,
                      artifactChanges: {
                        type: "array",
                        minItems: 1,
                        items: {
                          type: "object",
                          required: ["artifactLocation", "replacements"],
                          properties: {
                            artifactLocation,
                            replacements: {
                              type: "array",
                              minItems: 1,
                              items: {
                                type: "object",
                                required: ["deletedRegion"],
                                properties: {
                                  deletedRegion: region,
                                  insertedContent: {
                                    type: "object",
                                    properties: { text: { type: "string" } },
                                  },
                                },
                              },
                            },
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
} as const;
