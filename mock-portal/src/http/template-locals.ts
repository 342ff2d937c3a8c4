/**
 * The names an EJS template may read from its locals, so that it can be compiled without `with`.
 *
 * EJS normally wraps a template's code in `with (locals) { … }`, which V8 cannot optimise: every
 * name in the template, even `__append`, is looked up in the locals object first. Compiled with
 * `_with: false` and `destructuredLocals`, the template instead starts with
 * `var t = locals.t, draft = locals.draft, …` and runs as ordinary code (about three times faster
 * for the sign-up form). This lists those names: every identifier in the template's code, less
 * strings, property names, JavaScript's words and globals, EJS's own names and the names the
 * template declares itself (a `var` for those would clash). A name too many costs nothing (it is
 * `undefined`, as `typeof x !== 'undefined'` checks expect); a name too few would be a
 * ReferenceError, which is why the list is taken from the template's own text.
 */
const JAVASCRIPT_WORDS = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
    'import in instanceof let new null return super switch this throw true try typeof var void while with yield await of async ' +
    'static get set undefined NaN Infinity arguments eval implements interface package private protected public'
  ).split(' '),
);
const GLOBALS = new Set(
  'String Number Boolean Array Object Math JSON Date RegExp Map Set Symbol Error Intl Promise encodeURIComponent decodeURIComponent parseInt parseFloat isNaN isFinite console globalThis'.split(
    ' ',
  ),
);
/** The compiled function's own parameters and variables. */
const EJS_NAMES = new Set([
  'locals',
  'escapeFn',
  'include',
  'rethrow',
  '__append',
  '__output',
  '__line',
  '__lines',
  '__filename',
  '__locals',
]);

export function templateLocals(source: string): string[] {
  const code = [...source.matchAll(/<%(?!%)([-=_#]?)([\s\S]*?)[-_]?%>/g)]
    .filter((match) => match[1] !== '#')
    .map((match) => match[2] ?? '')
    .join(';\n')
    // Strings are text, not names; a template literal's `${…}` is code, so only its backticks go.
    .replace(/'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"/g, ' ')
    .replaceAll('`', ' ')
    // `...rest` reads `rest`, unlike `a.b`, which reads only `a`.
    .replaceAll('...', ' ');
  const declared = new Set(
    [...code.matchAll(/\b(?:const|let|var|function)\s+([A-Za-z_$][\w$]*)/g)].map((match) => match[1]),
  );
  const names = new Set<string>();
  for (const [, name = ''] of code.matchAll(/(?<![.\w$])([A-Za-z_$][\w$]*)/g)) {
    if (JAVASCRIPT_WORDS.has(name) || GLOBALS.has(name) || EJS_NAMES.has(name) || declared.has(name)) continue;
    names.add(name);
  }
  return [...names].sort();
}
