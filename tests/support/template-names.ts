// A rough reader of EJS templates: the free names their code reads (not declared in the
// template, not JavaScript's own). Good enough to keep TEMPLATE_LOCALS complete: it errs on
// the side of listing too much (an extra name costs nothing; a missing one is a 500).
const KEYWORDS = new Set(
  'if else for of in const let var function return true false null undefined typeof instanceof new while do break continue switch case default this try catch finally throw await async void delete yield class extends super import export with'.split(
    ' ',
  ),
);
const GLOBALS = new Set(
  'Object Array JSON Math Number String Date Boolean Intl encodeURIComponent decodeURIComponent isNaN parseInt parseFloat NaN Infinity Set Map RegExp Error Symbol URLSearchParams locals include escapeFn console'.split(
    ' ',
  ),
);
const IDENTIFIER = /[A-Za-z_$][\w$]*/g;

export function freeNames(template: string): Set<string> {
  const code = [...template.matchAll(/<%(?![%#])[-=_]?([\s\S]*?)[-_]?%>/g)].map((m) => m[1]).join('\n');
  const stripped = code
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/(^|[^:\\])\/\/[^\n]*/g, '$1 ')
    .replace(/`(?:[^`\\]|\\.)*`/g, (t) => ` ${[...t.matchAll(/\$\{([^}]*)\}/g)].map((m) => m[1]).join(' ')} `)
    .replace(/'(?:[^'\\\n]|\\.)*'/g, "''")
    .replace(/"(?:[^"\\\n]|\\.)*"/g, '""')
    .replace(/\/(?:[^/\\\n*]|\\.)(?:[^/\\\n]|\\.)*\/[gimsuy]*/g, '/x/'); // regular expression literals
  const declared = new Set<string>();
  for (const m of stripped.matchAll(/\b(?:const|let|var)\s+(\[[^\]]*\]|\{[^}]*\}|[A-Za-z_$][\w$]*)/g)) {
    for (const id of m[1]!.matchAll(IDENTIFIER)) declared.add(id[0]);
  }
  for (const m of stripped.matchAll(/\(([^()]*)\)\s*=>/g)) for (const id of m[1]!.matchAll(IDENTIFIER)) declared.add(id[0]);
  for (const m of stripped.matchAll(/\b([A-Za-z_$][\w$]*)\s*=>/g)) declared.add(m[1]!);
  const used = new Set<string>();
  const keep = (id: string) => {
    if (!KEYWORDS.has(id) && !GLOBALS.has(id) && !declared.has(id) && id !== 'x') used.add(id);
  };
  // not after a dot (a property), not an object key (`{ key: value`)
  for (const m of stripped.matchAll(/(?<![\w$.])(?<![{,]\s*)([A-Za-z_$][\w$]*)\b/g)) keep(m[1]!);
  // shorthand keys (`{ key }`, `, key }`) are variables
  for (const m of stripped.matchAll(/(?<=[{,]\s*)([A-Za-z_$][\w$]*)\s*(?=[,}])/g)) keep(m[1]!);
  return used;
}
