/**
 * Files are UTF-8 unless a byte order mark says UTF-16, the rule tsc and VS Code read them by
 * (Visual Studio and PowerShell still save UTF-16 with a mark). The mark is not part of the text:
 * editors drop it, and LSP positions count from after it.
 */

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const UTF16LE_BOM = Buffer.from([0xff, 0xfe]);
const UTF16BE_BOM = Buffer.from([0xfe, 0xff]);

type Encoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be';

function encodingOf(bytes: Uint8Array): Encoding {
  const head = (mark: Buffer) => bytes.length >= mark.length && mark.every((b, i) => bytes[i] === b);
  if (head(UTF8_BOM)) return 'utf8-bom';
  if (head(UTF16LE_BOM)) return 'utf16le';
  if (head(UTF16BE_BOM)) return 'utf16be';
  return 'utf8';
}

/** A file's bytes as text, without its byte order mark. */
export function decodeText(bytes: Buffer): string {
  switch (encodingOf(bytes)) {
    case 'utf8-bom':
      return bytes.toString('utf8', UTF8_BOM.length);
    case 'utf16le':
      return bytes.toString('utf16le', UTF16LE_BOM.length);
    case 'utf16be':
      // Node decodes only little-endian UTF-16; an odd trailing byte is no character in either.
      return swapped(bytes.subarray(UTF16BE_BOM.length, bytes.length - ((bytes.length - UTF16BE_BOM.length) % 2))).toString('utf16le');
    default:
      return bytes.toString('utf8');
  }
}

/** `text` encoded as the file that held `original` was, mark included: a fix must not re-encode the user's file. */
export function encodeLike(original: Uint8Array | undefined, text: string): Buffer {
  switch (original ? encodingOf(original) : 'utf8') {
    case 'utf8-bom':
      return Buffer.concat([UTF8_BOM, Buffer.from(text, 'utf8')]);
    case 'utf16le':
      return Buffer.concat([UTF16LE_BOM, Buffer.from(text, 'utf16le')]);
    case 'utf16be':
      return Buffer.concat([UTF16BE_BOM, swapped(Buffer.from(text, 'utf16le'))]);
    default:
      return Buffer.from(text, 'utf8');
  }
}

function swapped(bytes: Buffer): Buffer {
  return Buffer.from(bytes).swap16();
}
