/**
 * What the Messages API accepts as a strict schema (a tool with `strict: true`, or `output_config.format`), and
 * whether an answer fits one. The supported subset is the one the SDK's own `transformJSONSchema` produces: every
 * object closed with `additionalProperties: false`, `required` naming only declared properties, primitive enums,
 * a few string formats, `minItems` of 0 or 1; lengths, ranges, patterns and defaults are not compiled into the
 * grammar, so the API refuses them rather than silently not enforcing them.
 */
const allowedKeys = new Set([
  'type',
  'description',
  'title',
  'enum',
  'const',
  'anyOf',
  'allOf',
  '$ref',
  '$defs',
  'properties',
  'additionalProperties',
  'required',
  'items',
  'minItems',
  'format',
]);
const formats = new Set(['date-time', 'time', 'date', 'duration', 'email', 'hostname', 'uri', 'ipv4', 'ipv6', 'uuid']);

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);
const typesOf = (node: Node): string[] =>
  Array.isArray(node.type) ? (node.type as string[]) : typeof node.type === 'string' ? [node.type] : [];

/** The API's first complaint about a strict schema, in its `path: problem` wording; undefined when it compiles. */
export function strictSchemaProblem(schema: unknown, at: string): string | undefined {
  if (!isNode(schema)) return `${at}: a schema must be an object`;
  for (const key of Object.keys(schema)) {
    if (!allowedKeys.has(key)) return `${at}: '${key}' is not supported in strict mode`;
  }
  const types = typesOf(schema);
  const literal = schema.enum !== undefined || schema.const !== undefined;
  if (!types.length && !literal && !schema.anyOf && !schema.allOf && !schema.$ref) return `${at}: type is required`;
  if (Array.isArray(schema.enum) && !schema.enum.every((v) => v === null || typeof v !== 'object')) {
    return `${at}.enum: only primitive values are supported`;
  }
  if (schema.format !== undefined && !formats.has(String(schema.format))) {
    return `${at}.format: '${String(schema.format)}' is not a supported format`;
  }
  if (schema.minItems !== undefined && schema.minItems !== 0 && schema.minItems !== 1) {
    return `${at}.minItems: only 0 or 1 is supported`;
  }
  if (types.includes('object')) {
    if (schema.additionalProperties !== false) {
      return `${at}: for 'object' type, 'additionalProperties' must be explicitly set to false`;
    }
    const properties = isNode(schema.properties) ? schema.properties : {};
    const unknown = ((schema.required as string[] | undefined) ?? []).find((name) => !(name in properties));
    if (unknown !== undefined) return `${at}.required: '${unknown}' is not a declared property`;
    for (const [name, child] of Object.entries(properties)) {
      const problem = strictSchemaProblem(child, `${at}.properties.${name}`);
      if (problem) return problem;
    }
  }
  if (schema.items !== undefined) {
    const problem = strictSchemaProblem(schema.items, `${at}.items`);
    if (problem) return problem;
  }
  for (const key of ['anyOf', 'allOf'] as const) {
    const variants = (schema[key] as unknown[] | undefined) ?? [];
    for (const [i, variant] of variants.entries()) {
      const problem = strictSchemaProblem(variant, `${at}.${key}.${i}`);
      if (problem) return problem;
    }
  }
  return undefined;
}

function typeFits(type: string, value: unknown): boolean {
  if (type === 'null') return value === null;
  if (type === 'array') return Array.isArray(value);
  if (type === 'object') return isNode(value);
  if (type === 'integer') return Number.isInteger(value);
  return typeof value === type;
}

/** Why `value` could not come back from constrained decoding against `schema`, or undefined when it fits. */
export function answerProblem(schema: unknown, value: unknown, at = '$'): string | undefined {
  if (!isNode(schema)) return undefined;
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) return `${at}: not one of the enum`;
  if (schema.const !== undefined && schema.const !== value) return `${at}: not the const`;
  if (Array.isArray(schema.anyOf)) {
    return schema.anyOf.some((variant) => !answerProblem(variant, value, at)) ? undefined : `${at}: fits no anyOf`;
  }
  const types = typesOf(schema);
  if (types.length && !types.some((type) => typeFits(type, value))) return `${at}: not ${types.join(' or ')}`;
  if (isNode(value) && isNode(schema.properties)) {
    const properties = schema.properties;
    const extra = Object.keys(value).find((key) => !(key in properties));
    if (extra) return `${at}.${extra}: not a declared property`;
    const missing = ((schema.required as string[] | undefined) ?? []).find((key) => !(key in value));
    if (missing) return `${at}.${missing}: required`;
    for (const [key, child] of Object.entries(value)) {
      const problem = answerProblem(properties[key], child, `${at}.${key}`);
      if (problem) return problem;
    }
  }
  if (Array.isArray(value) && schema.items !== undefined) {
    for (const [i, item] of value.entries()) {
      const problem = answerProblem(schema.items, item, `${at}[${i}]`);
      if (problem) return problem;
    }
  }
  return undefined;
}

/** The strict schemas a Messages body asks for, each with the path the API names in its error. */
export function strictSchemasOf(body: { tools?: unknown; output_config?: unknown }): Array<[string, unknown]> {
  const found: Array<[string, unknown]> = [];
  const tools = Array.isArray(body.tools) ? (body.tools as Node[]) : [];
  tools.forEach((tool, i) => {
    if (tool?.strict === true) found.push([`tools.${i}.custom.input_schema`, tool.input_schema]);
  });
  const format = (body.output_config as { format?: { type?: string; schema?: unknown } } | undefined)?.format;
  if (format?.type === 'json_schema') found.push(['output_config.format.schema', format.schema]);
  return found;
}

/** The schema the answer to this body must fit, when the body asked for a constrained answer. */
export function constrainedSchema(body: { tools?: unknown; output_config?: unknown; tool_choice?: unknown }) {
  const format = (body.output_config as { format?: { type?: string; schema?: unknown } } | undefined)?.format;
  if (format?.type === 'json_schema') return format.schema;
  const choice = body.tool_choice as { type?: string; name?: string } | undefined;
  const tools = Array.isArray(body.tools) ? (body.tools as Node[]) : [];
  const tool = tools.find((t) => t?.name === choice?.name) ?? (choice?.type === 'any' ? tools[0] : undefined);
  return tool?.strict === true ? tool.input_schema : undefined;
}

/** The first strict schema in the body the API would refuse to compile. */
export function bodyStrictProblem(body: { tools?: unknown; output_config?: unknown }, at = ''): string | undefined {
  for (const [path, schema] of strictSchemasOf(body)) {
    const problem = strictSchemaProblem(schema, `${at}${path}`);
    if (problem) return problem;
  }
  return undefined;
}
