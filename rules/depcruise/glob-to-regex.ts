/**
 * A glob as an unanchored regular-expression source, in the plain style dependency-cruiser's
 * safe-regex check accepts (no nested quantifiers): `**` → `.*`, `*` → `[^/]*`, `?` → `[^/]`,
 * `{a,b}` → `(a|b)`, `[…]` kept, everything else escaped.
 */
export function globToRegexSource(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches zero or more folders.
        if (glob[i + 2] === '/') {
          out += '(.+/)?';
          i += 2;
        } else {
          out += '.*';
          i++;
        }
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close < 0) out += '\\{';
      else {
        out += `(${glob.slice(i + 1, close).split(',').map(globToRegexSource).join('|')})`;
        i = close;
      }
    } else if (c === '[') {
      const close = glob.indexOf(']', i);
      if (close < 0) out += '\\[';
      else {
        out += glob.slice(i, close + 1);
        i = close;
      }
    } else out += c.replace(/[.+^$()|\\/]/g, (m) => (m === '/' ? '/' : `\\${m}`));
  }
  return out;
}

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
