/**
 * Base64 both ways for the saved index: natively where the platform can (newer browsers'
 * `Uint8Array.fromBase64`, Node's Buffer), refusing anything that is not base64 on every path.
 */

/** Bytes as base64, written in slices (a spread of millions of arguments would overflow the stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** What decodes base64 natively where it exists: newer browsers' `Uint8Array.fromBase64`, or Node's Buffer. */
const native = globalThis as {
  Uint8Array: { fromBase64?: (text: string) => Uint8Array<ArrayBuffer> };
  Buffer?: { from(text: string, encoding: 'base64'): Uint8Array };
};

/** Is it base64 as `toBase64` writes it? Node's Buffer skips what is not base64 instead of refusing it. */
function isPlainBase64(text: string): boolean {
  if (text.length % 4 !== 0 || /[^A-Za-z0-9+/=]/.test(text)) return false;
  const padding = text.indexOf('=');
  return padding === -1 || padding === text.length - 1 || (padding === text.length - 2 && text.endsWith('=='));
}

/** The bytes of base64 text; throws when it is not base64. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  if (native.Uint8Array.fromBase64) return native.Uint8Array.fromBase64(text);
  // Node's atob is written in JavaScript and was a fifth of a load; its Buffer decodes natively.
  if (native.Buffer && isPlainBase64(text)) {
    const decoded = native.Buffer.from(text, 'base64');
    const { buffer, byteOffset, byteLength } = decoded;
    // A small Buffer is a view into a shared pool, and `lengths` is read from offset 0: that one is copied.
    if (byteOffset === 0 && buffer.byteLength === byteLength) return new Uint8Array(buffer as ArrayBuffer);
    return new Uint8Array(buffer.slice(byteOffset, byteOffset + byteLength) as ArrayBuffer);
  }
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
