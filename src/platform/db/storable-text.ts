/**
 * The last line against text PostgreSQL refuses: a NUL character (text columns cannot hold
 * it, jsonb cannot hold \u0000) and half a surrogate pair (jsonb refuses "\ud83d" alone).
 * Forms answer such input with a clear 400 at the edge (platform/http/input.ts); what comes
 * another way — an e-mail, a social delivery, text cut by a length limit — is made storable
 * here instead of failing, so a message is never lost over one character: NUL is dropped and
 * a lone surrogate becomes U+FFFD. Every string parameter of every query passes through.
 */
import {
  OperationNodeTransformer,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type PrimitiveValueListNode,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
  type ValueNode,
} from "kysely";
import { wellFormed } from "../text.js";

// eslint-disable-next-line no-control-regex
const NUL = /\u0000/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function storableString(s: string): string {
  let out = s.includes("\u0000") ? s.replace(NUL, "") : s;
  if (LONE_SURROGATE.test(out)) out = wellFormed(out);
  // JSON text for a jsonb column carries the same problems as escapes.
  if ((out.startsWith("{") || out.startsWith("[")) && /\\u(?:0000|d[89a-f])/i.test(out)) {
    try {
      out = JSON.stringify(JSON.parse(out), (_k, v: unknown) => (typeof v === "string" ? storableString(v) : v));
    } catch {
      // Not JSON after all: a text that merely starts with a brace.
    }
  }
  return out;
}

function storable(value: unknown): unknown {
  if (typeof value === "string") return storableString(value);
  if (Array.isArray(value)) return value.map(storable);
  return value;
}

class StorableText extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    const value = storable(node.value);
    return value === node.value ? node : { ...node, value };
  }

  protected override transformPrimitiveValueList(node: PrimitiveValueListNode): PrimitiveValueListNode {
    return { ...node, values: node.values.map(storable) };
  }
}

export class StorableTextPlugin implements KyselyPlugin {
  private readonly transformer = new StorableText();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.transformer.transformNode(args.node);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
