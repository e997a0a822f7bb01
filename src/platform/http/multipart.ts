/**
 * Reading a multipart form that @fastify/multipart attached to the body (attachFieldsToBody):
 * a text field as a string, the chosen files of a file field. A field sent twice counts once.
 */
export interface MultipartFile {
  readonly type: "file";
  readonly filename: string;
  readonly mimetype: string;
  toBuffer(): Promise<Buffer>;
}
interface MultipartField {
  readonly type: "field";
  readonly value: unknown;
}
type MultipartValue = MultipartField | MultipartFile;
export type MultipartBody = Record<string, MultipartValue | MultipartValue[] | undefined>;

export function multipartField(body: MultipartBody, name: string): string {
  const v = body[name];
  const one = Array.isArray(v) ? v[0] : v;
  return one && one.type === "field" && typeof one.value === "string" ? one.value : "";
}

/** The files chosen in a file field; an empty file input (no file chosen) gives none. */
export function multipartFiles(body: MultipartBody, name: string): MultipartFile[] {
  const v = body[name];
  const list = Array.isArray(v) ? v : v ? [v] : [];
  return list.filter((x): x is MultipartFile => x.type === "file" && x.filename !== "");
}
