// Node attributes as plain values (ints, floats, strings, tensors), decoded once at import.
import { AttributeType, toNumber, type IAttributeProto } from './proto';
import { tensorFromProto, type HostTensor } from './host-tensor';

export type AttrValue = number | number[] | string | string[] | HostTensor;
export type Attrs = Record<string, AttrValue>;

export function decodeAttributes(list: IAttributeProto[] | null | undefined, where: string): Attrs {
  const attrs: Attrs = {};
  for (const a of list ?? []) {
    const name = a.name ?? '';
    switch (a.type) {
      case AttributeType.INT: attrs[name] = toNumber(a.i); break;
      case AttributeType.FLOAT: attrs[name] = a.f ?? 0; break;
      case AttributeType.INTS: attrs[name] = (a.ints ?? []).map(toNumber); break;
      case AttributeType.FLOATS: attrs[name] = [...(a.floats ?? [])]; break;
      case AttributeType.STRING: attrs[name] = new TextDecoder().decode(a.s ?? new Uint8Array()); break;
      case AttributeType.STRINGS: attrs[name] = (a.strings ?? []).map((s) => new TextDecoder().decode(s)); break;
      case AttributeType.TENSOR: if (a.t) attrs[name] = tensorFromProto(a.t, where); break;
      default: break; // graphs, sparse tensors, type protos: not used by any supported op
    }
  }
  return attrs;
}

export function attrInt(attrs: Attrs, name: string, fallback: number): number {
  const v = attrs[name];
  return typeof v === 'number' ? v : fallback;
}

export function attrFloat(attrs: Attrs, name: string, fallback: number): number {
  const v = attrs[name];
  return typeof v === 'number' ? v : fallback;
}

export function attrInts(attrs: Attrs, name: string, fallback: number[] | null): number[] | null {
  const v = attrs[name];
  return Array.isArray(v) && (v.length === 0 || typeof v[0] === 'number') ? (v as number[]) : fallback;
}

export function attrString(attrs: Attrs, name: string, fallback: string): string {
  const v = attrs[name];
  return typeof v === 'string' ? v : fallback;
}
