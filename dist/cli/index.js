#!/usr/bin/env node
import './sourcemap-register.cjs';import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 4006:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const pico = __nccwpck_require__(8016);
const utils = __nccwpck_require__(4059);

function picomatch(glob, options, returnState = false) {
  // default to os.platform()
  if (options && (options.windows === null || options.windows === undefined)) {
    // don't mutate the original options object
    options = { ...options, windows: utils.isWindows() };
  }

  return pico(glob, options, returnState);
}

Object.assign(picomatch, pico);
module.exports = picomatch;


/***/ }),

/***/ 5595:
/***/ ((module) => {



const WIN_SLASH = '\\\\/';
const WIN_NO_SLASH = `[^${WIN_SLASH}]`;

const DEFAULT_MAX_EXTGLOB_RECURSION = 0;

/**
 * Posix glob regex
 */

const DOT_LITERAL = '\\.';
const PLUS_LITERAL = '\\+';
const QMARK_LITERAL = '\\?';
const SLASH_LITERAL = '\\/';
const ONE_CHAR = '(?=.)';
const QMARK = '[^/]';
const END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
const START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
const DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
const NO_DOT = `(?!${DOT_LITERAL})`;
const NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
const NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
const NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
const QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
const STAR = `${QMARK}*?`;
const SEP = '/';

const POSIX_CHARS = {
  DOT_LITERAL,
  PLUS_LITERAL,
  QMARK_LITERAL,
  SLASH_LITERAL,
  ONE_CHAR,
  QMARK,
  END_ANCHOR,
  DOTS_SLASH,
  NO_DOT,
  NO_DOTS,
  NO_DOT_SLASH,
  NO_DOTS_SLASH,
  QMARK_NO_DOT,
  STAR,
  START_ANCHOR,
  SEP
};

/**
 * Windows glob regex
 */

const WINDOWS_CHARS = {
  ...POSIX_CHARS,

  SLASH_LITERAL: `[${WIN_SLASH}]`,
  QMARK: WIN_NO_SLASH,
  STAR: `${WIN_NO_SLASH}*?`,
  DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
  NO_DOT: `(?!${DOT_LITERAL})`,
  NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
  NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
  START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
  END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
  SEP: '\\'
};

/**
 * POSIX Bracket Regex
 */

const POSIX_REGEX_SOURCE = {
  __proto__: null,
  alnum: 'a-zA-Z0-9',
  alpha: 'a-zA-Z',
  ascii: '\\x00-\\x7F',
  blank: ' \\t',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '\\x21-\\x7E',
  lower: 'a-z',
  print: '\\x20-\\x7E ',
  punct: '\\-!"#$%&\'()\\*+,./:;<=>?@[\\]^_`{|}~',
  space: ' \\t\\r\\n\\v\\f',
  upper: 'A-Z',
  word: 'A-Za-z0-9_',
  xdigit: 'A-Fa-f0-9'
};

module.exports = {
  DEFAULT_MAX_EXTGLOB_RECURSION,
  MAX_LENGTH: 1024 * 64,
  POSIX_REGEX_SOURCE,

  // regular expressions
  REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
  REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
  REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
  REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
  REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
  REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,

  // Replace globs with equivalent patterns to reduce parsing time.
  REPLACEMENTS: {
    __proto__: null,
    '***': '*',
    '**/**': '**',
    '**/**/**': '**'
  },

  // Digits
  CHAR_0: 48, /* 0 */
  CHAR_9: 57, /* 9 */

  // Alphabet chars.
  CHAR_UPPERCASE_A: 65, /* A */
  CHAR_LOWERCASE_A: 97, /* a */
  CHAR_UPPERCASE_Z: 90, /* Z */
  CHAR_LOWERCASE_Z: 122, /* z */

  CHAR_LEFT_PARENTHESES: 40, /* ( */
  CHAR_RIGHT_PARENTHESES: 41, /* ) */

  CHAR_ASTERISK: 42, /* * */

  // Non-alphabetic chars.
  CHAR_AMPERSAND: 38, /* & */
  CHAR_AT: 64, /* @ */
  CHAR_BACKWARD_SLASH: 92, /* \ */
  CHAR_CARRIAGE_RETURN: 13, /* \r */
  CHAR_CIRCUMFLEX_ACCENT: 94, /* ^ */
  CHAR_COLON: 58, /* : */
  CHAR_COMMA: 44, /* , */
  CHAR_DOT: 46, /* . */
  CHAR_DOUBLE_QUOTE: 34, /* " */
  CHAR_EQUAL: 61, /* = */
  CHAR_EXCLAMATION_MARK: 33, /* ! */
  CHAR_FORM_FEED: 12, /* \f */
  CHAR_FORWARD_SLASH: 47, /* / */
  CHAR_GRAVE_ACCENT: 96, /* ` */
  CHAR_HASH: 35, /* # */
  CHAR_HYPHEN_MINUS: 45, /* - */
  CHAR_LEFT_ANGLE_BRACKET: 60, /* < */
  CHAR_LEFT_CURLY_BRACE: 123, /* { */
  CHAR_LEFT_SQUARE_BRACKET: 91, /* [ */
  CHAR_LINE_FEED: 10, /* \n */
  CHAR_NO_BREAK_SPACE: 160, /* \u00A0 */
  CHAR_PERCENT: 37, /* % */
  CHAR_PLUS: 43, /* + */
  CHAR_QUESTION_MARK: 63, /* ? */
  CHAR_RIGHT_ANGLE_BRACKET: 62, /* > */
  CHAR_RIGHT_CURLY_BRACE: 125, /* } */
  CHAR_RIGHT_SQUARE_BRACKET: 93, /* ] */
  CHAR_SEMICOLON: 59, /* ; */
  CHAR_SINGLE_QUOTE: 39, /* ' */
  CHAR_SPACE: 32, /*   */
  CHAR_TAB: 9, /* \t */
  CHAR_UNDERSCORE: 95, /* _ */
  CHAR_VERTICAL_LINE: 124, /* | */
  CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279, /* \uFEFF */

  /**
   * Create EXTGLOB_CHARS
   */

  extglobChars(chars) {
    return {
      '!': { type: 'negate', open: '(?:(?!(?:', close: `))${chars.STAR})` },
      '?': { type: 'qmark', open: '(?:', close: ')?' },
      '+': { type: 'plus', open: '(?:', close: ')+' },
      '*': { type: 'star', open: '(?:', close: ')*' },
      '@': { type: 'at', open: '(?:', close: ')' }
    };
  },

  /**
   * Create GLOB_CHARS
   */

  globChars(win32) {
    return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
  }
};


/***/ }),

/***/ 8265:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const constants = __nccwpck_require__(5595);
const utils = __nccwpck_require__(4059);

/**
 * Constants
 */

const {
  MAX_LENGTH,
  POSIX_REGEX_SOURCE,
  REGEX_NON_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_BACKREF,
  REPLACEMENTS
} = constants;

/**
 * Helpers
 */

const expandRange = (args, options) => {
  if (typeof options.expandRange === 'function') {
    return options.expandRange(...args, options);
  }

  args.sort();
  const value = `[${args.join('-')}]`;

  try {
    /* eslint-disable-next-line no-new */
    new RegExp(value);
  } catch (ex) {
    return args.map(v => utils.escapeRegex(v)).join('..');
  }

  return value;
};

/**
 * Create the message for a syntax error
 */

const syntaxError = (type, char) => {
  return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
};

const splitTopLevel = input => {
  const parts = [];
  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let value = '';
  let escaped = false;

  for (const ch of input) {
    if (escaped === true) {
      value += ch;
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      value += ch;
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      value += ch;
      continue;
    }

    if (quote === 0) {
      if (ch === '[') {
        bracket++;
      } else if (ch === ']' && bracket > 0) {
        bracket--;
      } else if (bracket === 0) {
        if (ch === '(') {
          paren++;
        } else if (ch === ')' && paren > 0) {
          paren--;
        } else if (ch === '|' && paren === 0) {
          parts.push(value);
          value = '';
          continue;
        }
      }
    }

    value += ch;
  }

  parts.push(value);
  return parts;
};

const isPlainBranch = branch => {
  let escaped = false;

  for (const ch of branch) {
    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (/[?*+@!()[\]{}]/.test(ch)) {
      return false;
    }
  }

  return true;
};

const normalizeSimpleBranch = branch => {
  let value = branch.trim();
  let changed = true;

  while (changed === true) {
    changed = false;

    if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
      value = value.slice(2, -1);
      changed = true;
    }
  }

  if (!isPlainBranch(value)) {
    return;
  }

  return value.replace(/\\(.)/g, '$1');
};

const hasRepeatedCharPrefixOverlap = branches => {
  const values = branches.map(normalizeSimpleBranch).filter(Boolean);

  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const a = values[i];
      const b = values[j];
      const char = a[0];

      if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
        continue;
      }

      if (a === b || a.startsWith(b) || b.startsWith(a)) {
        return true;
      }
    }
  }

  return false;
};

const parseRepeatedExtglob = (pattern, requireEnd = true) => {
  if ((pattern[0] !== '+' && pattern[0] !== '*') || pattern[1] !== '(') {
    return;
  }

  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let escaped = false;

  for (let i = 1; i < pattern.length; i++) {
    const ch = pattern[i];

    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      continue;
    }

    if (quote === 1) {
      continue;
    }

    if (ch === '[') {
      bracket++;
      continue;
    }

    if (ch === ']' && bracket > 0) {
      bracket--;
      continue;
    }

    if (bracket > 0) {
      continue;
    }

    if (ch === '(') {
      paren++;
      continue;
    }

    if (ch === ')') {
      paren--;

      if (paren === 0) {
        if (requireEnd === true && i !== pattern.length - 1) {
          return;
        }

        return {
          type: pattern[0],
          body: pattern.slice(2, i),
          end: i
        };
      }
    }
  }
};

const buildCharClassStar = chars => {
  const source = chars.length === 1
    ? utils.escapeRegex(chars[0])
    : `[${chars.map(ch => utils.escapeRegex(ch)).join('')}]`;

  return `${source}*`;
};

const getStarExtglobSequenceChars = pattern => {
  let index = 0;
  const chars = [];

  while (index < pattern.length) {
    const match = parseRepeatedExtglob(pattern.slice(index), false);

    if (!match || match.type !== '*') {
      return;
    }

    const branches = splitTopLevel(match.body).map(branch => branch.trim());
    if (branches.length !== 1) {
      return;
    }

    const branch = normalizeSimpleBranch(branches[0]);
    if (!branch || branch.length !== 1) {
      return;
    }

    chars.push(branch);
    index += match.end + 1;
  }

  if (chars.length < 1) {
    return;
  }

  return chars;
};

const repeatedExtglobRecursion = pattern => {
  let depth = 0;
  let value = pattern.trim();
  let match = parseRepeatedExtglob(value);

  while (match) {
    depth++;
    value = match.body.trim();
    match = parseRepeatedExtglob(value);
  }

  return depth;
};

const analyzeRepeatedExtglob = (body, options) => {
  if (options.maxExtglobRecursion === false) {
    return { risky: false };
  }

  const max =
    typeof options.maxExtglobRecursion === 'number'
      ? options.maxExtglobRecursion
      : constants.DEFAULT_MAX_EXTGLOB_RECURSION;

  const branches = splitTopLevel(body).map(branch => branch.trim());

  if (branches.length > 1) {
    if (
      branches.some(branch => branch === '') ||
      branches.some(branch => /^[*?]+$/.test(branch)) ||
      hasRepeatedCharPrefixOverlap(branches)
    ) {
      return { risky: true };
    }
  }

  // A repeated extglob is "risky" (prone to catastrophic backtracking) when a
  // branch is itself a `*(...)` sequence, since that nests an unbounded quantifier
  // inside the outer `+(...)`/`*(...)`. When *every* branch reduces to single
  // characters we can emit one flat, ReDoS-safe character class that preserves the
  // meaning of ALL branches (e.g. `+(*(a)|*(b))` -> `[ab]*`), rather than dropping
  // every branch but the first.
  const safeChars = [];
  let sawStarSequence = false;
  let combinable = true;

  for (const branch of branches) {
    const chars = getStarExtglobSequenceChars(branch);
    if (chars) {
      sawStarSequence = true;
      safeChars.push(...chars);
      continue;
    }

    const literal = normalizeSimpleBranch(branch);
    if (literal && literal.length === 1) {
      safeChars.push(literal);
      continue;
    }

    combinable = false;

    if (repeatedExtglobRecursion(branch) > max) {
      return { risky: true };
    }
  }

  if (sawStarSequence) {
    return combinable
      ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) }
      : { risky: true };
  }

  return { risky: false };
};

/**
 * Parse the given input string.
 * @param {String} input
 * @param {Object} options
 * @return {Object}
 */

const parse = (input, options) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected a string');
  }

  input = REPLACEMENTS[input] || input;

  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;

  let len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  const bos = { type: 'bos', value: '', output: opts.prepend || '' };
  const tokens = [bos];

  const capture = opts.capture ? '' : '?:';

  // create constants based on platform, for windows or posix
  const PLATFORM_CHARS = constants.globChars(opts.windows);
  const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);

  const {
    DOT_LITERAL,
    PLUS_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOT_SLASH,
    NO_DOTS_SLASH,
    QMARK,
    QMARK_NO_DOT,
    STAR,
    START_ANCHOR
  } = PLATFORM_CHARS;

  const globstar = opts => {
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const nodot = opts.dot ? '' : NO_DOT;
  const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
  let star = opts.bash === true ? globstar(opts) : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  // minimatch options support
  if (typeof opts.noext === 'boolean') {
    opts.noextglob = opts.noext;
  }

  const state = {
    input,
    index: -1,
    start: 0,
    dot: opts.dot === true,
    consumed: '',
    output: '',
    prefix: '',
    backtrack: false,
    negated: false,
    brackets: 0,
    braces: 0,
    parens: 0,
    quotes: 0,
    globstar: false,
    tokens
  };

  input = utils.removePrefix(input, state);
  len = input.length;

  const extglobs = [];
  const braces = [];
  const stack = [];
  let prev = bos;
  let value;

  /**
   * Tokenizing helpers
   */

  const eos = () => state.index === len - 1;
  const peek = state.peek = (n = 1) => input[state.index + n];
  const advance = state.advance = () => input[++state.index] || '';
  const remaining = () => input.slice(state.index + 1);
  const consume = (value = '', num = 0) => {
    state.consumed += value;
    state.index += num;
  };

  const append = token => {
    state.output += token.output != null ? token.output : token.value;
    consume(token.value);
  };

  const negate = () => {
    let count = 1;

    while (peek() === '!' && (peek(2) !== '(' || peek(3) === '?')) {
      advance();
      state.start++;
      count++;
    }

    if (count % 2 === 0) {
      return false;
    }

    state.negated = true;
    state.start++;
    return true;
  };

  const increment = type => {
    state[type]++;
    stack.push(type);
  };

  const decrement = type => {
    state[type]--;
    stack.pop();
  };

  /**
   * Push tokens onto the tokens array. This helper speeds up
   * tokenizing by 1) helping us avoid backtracking as much as possible,
   * and 2) helping us avoid creating extra tokens when consecutive
   * characters are plain text. This improves performance and simplifies
   * lookbehinds.
   */

  const push = tok => {
    if (prev.type === 'globstar') {
      const isBrace = state.braces > 0 && (tok.type === 'comma' || tok.type === 'brace');
      const isExtglob = tok.extglob === true || (extglobs.length && (tok.type === 'pipe' || tok.type === 'paren'));

      if (tok.type !== 'slash' && tok.type !== 'paren' && !isBrace && !isExtglob) {
        state.output = state.output.slice(0, -prev.output.length);
        prev.type = 'star';
        prev.value = '*';
        prev.output = star;
        state.output += prev.output;
      }
    }

    if (extglobs.length && tok.type !== 'paren') {
      extglobs[extglobs.length - 1].inner += tok.value;
    }

    if (tok.value || tok.output) append(tok);
    if (prev && prev.type === 'text' && tok.type === 'text') {
      prev.output = (prev.output || prev.value) + tok.value;
      prev.value += tok.value;
      return;
    }

    tok.prev = prev;
    tokens.push(tok);
    prev = tok;
  };

  const extglobOpen = (type, value) => {
    const token = { ...EXTGLOB_CHARS[value], conditions: 1, inner: '' };

    token.prev = prev;
    token.parens = state.parens;
    token.output = state.output;
    token.startIndex = state.index;
    token.tokensIndex = tokens.length;
    const output = (opts.capture ? '(' : '') + token.open;

    increment('parens');
    push({ type, value, output: state.output ? '' : ONE_CHAR });
    push({ type: 'paren', extglob: true, value: advance(), output });
    extglobs.push(token);
  };

  const extglobClose = token => {
    const literal = input.slice(token.startIndex, state.index + 1);
    const body = input.slice(token.startIndex + 2, state.index);
    const analysis = analyzeRepeatedExtglob(body, opts);

    if ((token.type === 'plus' || token.type === 'star') && analysis.risky) {
      const safeOutput = analysis.safeOutput
        ? (token.output ? '' : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput)
        : undefined;
      const open = tokens[token.tokensIndex];

      open.type = 'text';
      open.value = literal;
      open.output = safeOutput || utils.escapeRegex(literal);

      for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
        tokens[i].value = '';
        tokens[i].output = '';
        delete tokens[i].suffix;
      }

      state.output = token.output + open.output;
      state.backtrack = true;

      push({ type: 'paren', extglob: true, value, output: '' });
      decrement('parens');
      return;
    }

    let output = token.close + (opts.capture ? ')' : '');
    let rest;

    if (token.type === 'negate') {
      let extglobStar = star;

      if (token.inner && token.inner.length > 1 && token.inner.includes('/')) {
        extglobStar = globstar(opts);
      }

      if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
        output = token.close = `)$))${extglobStar}`;
      }

      if (token.inner.includes('*') && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
        // Any non-magical string (`.ts`) or even nested expression (`.{ts,tsx}`) can follow after the closing parenthesis.
        // In this case, we need to parse the string and use it in the output of the original pattern.
        // Suitable patterns: `/!(*.d).ts`, `/!(*.d).{ts,tsx}`, `**/!(*-dbg).@(js)`.
        //
        // Disabling the `fastpaths` option due to a problem with parsing strings as `.ts` in the pattern like `**/!(*.d).ts`.
        const expression = parse(rest, { ...options, fastpaths: false }).output;

        output = token.close = `)${expression})${extglobStar})`;
      }

      if (token.prev.type === 'bos') {
        state.negatedExtglob = true;
      }
    }

    push({ type: 'paren', extglob: true, value, output });
    decrement('parens');
  };

  /**
   * Fast paths
   */

  if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
    let backslashes = false;

    let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
      if (first === '\\') {
        backslashes = true;
        return m;
      }

      if (first === '?') {
        if (esc) {
          return esc + first + (rest ? QMARK.repeat(rest.length) : '');
        }
        if (index === 0) {
          return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : '');
        }
        return QMARK.repeat(chars.length);
      }

      if (first === '.') {
        return DOT_LITERAL.repeat(chars.length);
      }

      if (first === '*') {
        if (esc) {
          return esc + first + (rest ? star : '');
        }
        return star;
      }
      return esc ? m : `\\${m}`;
    });

    if (backslashes === true) {
      if (opts.unescape === true) {
        output = output.replace(/\\/g, '');
      } else {
        output = output.replace(/\\+/g, m => {
          return m.length % 2 === 0 ? '\\\\' : (m ? '\\' : '');
        });
      }
    }

    if (output === input && opts.contains === true) {
      state.output = input;
      return state;
    }

    state.output = utils.wrapOutput(output, state, options);
    return state;
  }

  /**
   * Tokenize input until we reach end-of-string
   */

  while (!eos()) {
    value = advance();

    if (value === '\u0000') {
      continue;
    }

    /**
     * Escaped characters
     */

    if (value === '\\') {
      const next = peek();

      if (next === '/' && opts.bash !== true) {
        continue;
      }

      if (next === '.' || next === ';') {
        continue;
      }

      if (!next) {
        value += '\\';
        push({ type: 'text', value });
        continue;
      }

      // collapse slashes to reduce potential for exploits
      const match = /^\\+/.exec(remaining());
      let slashes = 0;

      if (match && match[0].length > 2) {
        slashes = match[0].length;
        state.index += slashes;
        if (slashes % 2 !== 0) {
          value += '\\';
        }
      }

      if (opts.unescape === true) {
        value = advance();
      } else {
        value += advance();
      }

      if (state.brackets === 0) {
        push({ type: 'text', value });
        continue;
      }
    }

    /**
     * If we're inside a regex character class, continue
     * until we reach the closing bracket.
     */

    if (state.brackets > 0 && (value !== ']' || prev.value === '[' || prev.value === '[^')) {
      if (opts.posix !== false && value === ':') {
        const inner = prev.value.slice(1);
        if (inner.includes('[')) {
          prev.posix = true;

          if (inner.includes(':')) {
            const idx = prev.value.lastIndexOf('[');
            const pre = prev.value.slice(0, idx);
            const rest = prev.value.slice(idx + 2);
            const posix = POSIX_REGEX_SOURCE[rest];
            if (posix) {
              prev.value = pre + posix;
              state.backtrack = true;
              advance();

              if (!bos.output && tokens.indexOf(prev) === 1) {
                bos.output = ONE_CHAR;
              }
              continue;
            }
          }
        }
      }

      if ((value === '[' && peek() !== ':') || (value === '-' && peek() === ']')) {
        value = `\\${value}`;
      }

      if (value === ']' && (prev.value === '[' || prev.value === '[^')) {
        value = `\\${value}`;
      }

      if (opts.posix === true && value === '!' && prev.value === '[') {
        value = '^';
      }

      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * If we're inside a quoted string, continue
     * until we reach the closing double quote.
     */

    if (state.quotes === 1 && value !== '"') {
      value = utils.escapeRegex(value);
      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * Double quotes
     */

    if (value === '"') {
      state.quotes = state.quotes === 1 ? 0 : 1;
      if (opts.keepQuotes === true) {
        push({ type: 'text', value });
      }
      continue;
    }

    /**
     * Parentheses
     */

    if (value === '(') {
      increment('parens');
      push({ type: 'paren', value });
      continue;
    }

    if (value === ')') {
      if (state.parens === 0 && opts.strictBrackets === true) {
        throw new SyntaxError(syntaxError('opening', '('));
      }

      const extglob = extglobs[extglobs.length - 1];
      if (extglob && state.parens === extglob.parens + 1) {
        extglobClose(extglobs.pop());
        continue;
      }

      push({ type: 'paren', value, output: state.parens ? ')' : '\\)' });
      decrement('parens');
      continue;
    }

    /**
     * Square brackets
     */

    if (value === '[') {
      if (opts.nobracket === true || !remaining().includes(']')) {
        if (opts.nobracket !== true && opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('closing', ']'));
        }

        value = `\\${value}`;
      } else {
        increment('brackets');
      }

      push({ type: 'bracket', value });
      continue;
    }

    if (value === ']') {
      if (opts.nobracket === true || (prev && prev.type === 'bracket' && prev.value.length === 1)) {
        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      if (state.brackets === 0) {
        if (opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('opening', '['));
        }

        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      decrement('brackets');

      const prevValue = prev.value.slice(1);
      if (prev.posix !== true && prevValue[0] === '^' && !prevValue.includes('/')) {
        value = `/${value}`;
      }

      prev.value += value;
      append({ value });

      // when literal brackets are explicitly disabled
      // assume we should match with a regex character class
      if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
        continue;
      }

      const escaped = utils.escapeRegex(prev.value);
      state.output = state.output.slice(0, -prev.value.length);

      // when literal brackets are explicitly enabled
      // assume we should escape the brackets to match literal characters
      if (opts.literalBrackets === true) {
        state.output += escaped;
        prev.value = escaped;
        continue;
      }

      // when the user specifies nothing, try to match both
      prev.value = `(${capture}${escaped}|${prev.value})`;
      state.output += prev.value;
      continue;
    }

    /**
     * Braces
     */

    if (value === '{' && opts.nobrace !== true) {
      increment('braces');

      const open = {
        type: 'brace',
        value,
        output: '(',
        outputIndex: state.output.length,
        tokensIndex: state.tokens.length
      };

      braces.push(open);
      push(open);
      continue;
    }

    if (value === '}') {
      const brace = braces[braces.length - 1];

      if (opts.nobrace === true || !brace) {
        push({ type: 'text', value, output: value });
        continue;
      }

      let output = ')';

      if (brace.dots === true) {
        const arr = tokens.slice();
        const range = [];

        for (let i = arr.length - 1; i >= 0; i--) {
          tokens.pop();
          if (arr[i].type === 'brace') {
            break;
          }
          if (arr[i].type !== 'dots') {
            range.unshift(arr[i].value);
          }
        }

        output = expandRange(range, opts);
        state.backtrack = true;
      }

      if (brace.comma !== true && brace.dots !== true) {
        const out = state.output.slice(0, brace.outputIndex);
        const toks = state.tokens.slice(brace.tokensIndex);
        brace.value = brace.output = '\\{';
        value = output = '\\}';
        state.output = out;
        for (const t of toks) {
          state.output += (t.output || t.value);
        }
      }

      push({ type: 'brace', value, output });
      decrement('braces');
      braces.pop();
      continue;
    }

    /**
     * Pipes
     */

    if (value === '|') {
      if (extglobs.length > 0) {
        extglobs[extglobs.length - 1].conditions++;
      }
      push({ type: 'text', value });
      continue;
    }

    /**
     * Commas
     */

    if (value === ',') {
      let output = value;

      const brace = braces[braces.length - 1];
      if (brace && stack[stack.length - 1] === 'braces') {
        brace.comma = true;
        output = '|';
      }

      push({ type: 'comma', value, output });
      continue;
    }

    /**
     * Slashes
     */

    if (value === '/') {
      // if the beginning of the glob is "./", advance the start
      // to the current index, and don't add the "./" characters
      // to the state. This greatly simplifies lookbehinds when
      // checking for BOS characters like "!" and "." (not "./")
      if (prev.type === 'dot' && state.index === state.start + 1) {
        state.start = state.index + 1;
        state.consumed = '';
        state.output = '';
        tokens.pop();
        prev = bos; // reset "prev" to the first token
        continue;
      }

      push({ type: 'slash', value, output: SLASH_LITERAL });
      continue;
    }

    /**
     * Dots
     */

    if (value === '.') {
      if (state.braces > 0 && prev.type === 'dot') {
        if (prev.value === '.') prev.output = DOT_LITERAL;
        const brace = braces[braces.length - 1];
        prev.type = 'dots';
        prev.output += value;
        prev.value += value;
        brace.dots = true;
        continue;
      }

      if ((state.braces + state.parens) === 0 && prev.type !== 'bos' && prev.type !== 'slash') {
        push({ type: 'text', value, output: DOT_LITERAL });
        continue;
      }

      push({ type: 'dot', value, output: DOT_LITERAL });
      continue;
    }

    /**
     * Question marks
     */

    if (value === '?') {
      const isGroup = prev && prev.value === '(';
      if (!isGroup && opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('qmark', value);
        continue;
      }

      if (prev && prev.type === 'paren') {
        const next = peek();
        let output = value;

        if ((prev.value === '(' && !/[!=<:]/.test(next)) || (next === '<' && !/<([!=]|\w+>)/.test(remaining()))) {
          output = `\\${value}`;
        }

        push({ type: 'text', value, output });
        continue;
      }

      if (opts.dot !== true && (prev.type === 'slash' || prev.type === 'bos')) {
        push({ type: 'qmark', value, output: QMARK_NO_DOT });
        continue;
      }

      push({ type: 'qmark', value, output: QMARK });
      continue;
    }

    /**
     * Exclamation
     */

    if (value === '!') {
      if (opts.noextglob !== true && peek() === '(') {
        if (peek(2) !== '?' || !/[!=<:]/.test(peek(3))) {
          extglobOpen('negate', value);
          continue;
        }
      }

      if (opts.nonegate !== true && state.index === 0) {
        negate();
        continue;
      }
    }

    /**
     * Plus
     */

    if (value === '+') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('plus', value);
        continue;
      }

      if ((prev && prev.value === '(') || opts.regex === false) {
        push({ type: 'plus', value, output: PLUS_LITERAL });
        continue;
      }

      if ((prev && (prev.type === 'bracket' || prev.type === 'paren' || prev.type === 'brace')) || state.parens > 0) {
        push({ type: 'plus', value });
        continue;
      }

      push({ type: 'plus', value: PLUS_LITERAL });
      continue;
    }

    /**
     * Plain text
     */

    if (value === '@') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        push({ type: 'at', extglob: true, value, output: '' });
        continue;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Plain text
     */

    if (value !== '*') {
      if (value === '$' || value === '^') {
        value = `\\${value}`;
      }

      const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
      if (match) {
        value += match[0];
        state.index += match[0].length;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Stars
     */

    if (prev && (prev.type === 'globstar' || prev.star === true)) {
      prev.type = 'star';
      prev.star = true;
      prev.value += value;
      prev.output = star;
      state.backtrack = true;
      state.globstar = true;
      consume(value);
      continue;
    }

    let rest = remaining();
    if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
      extglobOpen('star', value);
      continue;
    }

    if (prev.type === 'star') {
      if (opts.noglobstar === true) {
        consume(value);
        continue;
      }

      const prior = prev.prev;
      const before = prior.prev;
      const isStart = prior.type === 'slash' || prior.type === 'bos';
      const afterStar = before && (before.type === 'star' || before.type === 'globstar');

      if (opts.bash === true && (!isStart || (rest[0] && rest[0] !== '/'))) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      const isBrace = state.braces > 0 && (prior.type === 'comma' || prior.type === 'brace');
      const isExtglob = extglobs.length && (prior.type === 'pipe' || prior.type === 'paren');
      if (!isStart && prior.type !== 'paren' && !isBrace && !isExtglob) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      // strip consecutive `/**/`
      while (rest.slice(0, 3) === '/**') {
        const after = input[state.index + 4];
        if (after && after !== '/') {
          break;
        }
        rest = rest.slice(3);
        consume('/**', 3);
      }

      // A globstar followed only by balanced closing parens is at the logical end of patterns like
      // `test(/utils/**)` and `test?(/utils/**)`. Treat it as EOS so the trailing `/**` can match its
      // parent path, except in negated extglobs where that would change the exclusion semantics.
      const isEnd = eos() || (
        state.parens > 0
        && rest === ')'.repeat(state.parens)
        && !extglobs.some(extglob => extglob.type === 'negate')
      );

      if (prior.type === 'bos' && eos()) {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = globstar(opts);
        state.output = prev.output;
        state.globstar = true;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && !afterStar && isEnd) {
        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = globstar(opts) + (opts.strictSlashes ? ')' : '|$)');
        prev.value += value;
        state.globstar = true;
        state.output += prior.output + prev.output;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && rest[0] === '/') {
        const end = rest[1] !== void 0 ? '|$' : '';

        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
        prev.value += value;

        state.output += prior.output + prev.output;
        state.globstar = true;

        consume(value + advance());

        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      if (prior.type === 'bos' && rest[0] === '/') {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
        state.output = prev.output;
        state.globstar = true;
        consume(value + advance());
        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      // remove single star from output
      state.output = state.output.slice(0, -prev.output.length);

      // reset previous token to globstar
      prev.type = 'globstar';
      prev.output = globstar(opts);
      prev.value += value;

      // reset output with globstar
      state.output += prev.output;
      state.globstar = true;
      consume(value);
      continue;
    }

    const token = { type: 'star', value, output: star };

    if (opts.bash === true) {
      token.output = '.*?';
      if (prev.type === 'bos' || prev.type === 'slash') {
        token.output = nodot + token.output;
      }
      push(token);
      continue;
    }

    if (prev && (prev.type === 'bracket' || prev.type === 'paren') && opts.regex === true) {
      token.output = value;
      push(token);
      continue;
    }

    if (state.index === state.start || prev.type === 'slash' || prev.type === 'dot') {
      if (prev.type === 'dot') {
        state.output += NO_DOT_SLASH;
        prev.output += NO_DOT_SLASH;

      } else if (opts.dot === true) {
        state.output += NO_DOTS_SLASH;
        prev.output += NO_DOTS_SLASH;

      } else {
        state.output += nodot;
        prev.output += nodot;
      }

      if (peek() !== '*') {
        state.output += ONE_CHAR;
        prev.output += ONE_CHAR;
      }
    }

    push(token);
  }

  while (state.brackets > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ']'));
    state.output = utils.escapeLast(state.output, '[');
    decrement('brackets');
  }

  while (state.parens > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ')'));
    state.output = utils.escapeLast(state.output, '(');
    decrement('parens');
  }

  while (state.braces > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', '}'));
    state.output = utils.escapeLast(state.output, '{');
    decrement('braces');
  }

  if (opts.strictSlashes !== true && (prev.type === 'star' || prev.type === 'bracket')) {
    push({ type: 'maybe_slash', value: '', output: `${SLASH_LITERAL}?` });
  }

  // rebuild the output if we had to backtrack at any point
  if (state.backtrack === true) {
    state.output = '';

    for (const token of state.tokens) {
      state.output += token.output != null ? token.output : token.value;

      if (token.suffix) {
        state.output += token.suffix;
      }
    }
  }

  return state;
};

/**
 * Fast paths for creating regular expressions for common glob patterns.
 * This can significantly speed up processing and has very little downside
 * impact when none of the fast paths match.
 */

parse.fastpaths = (input, options) => {
  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
  const len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  input = REPLACEMENTS[input] || input;

  // create constants based on platform, for windows or posix
  const {
    DOT_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOTS,
    NO_DOTS_SLASH,
    STAR,
    START_ANCHOR
  } = constants.globChars(opts.windows);

  const nodot = opts.dot ? NO_DOTS : NO_DOT;
  const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
  const capture = opts.capture ? '' : '?:';
  const state = { negated: false, prefix: '' };
  let star = opts.bash === true ? '.*?' : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  const globstar = opts => {
    if (opts.noglobstar === true) return star;
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const create = str => {
    switch (str) {
      case '*':
        return `${nodot}${ONE_CHAR}${star}`;

      case '.*':
        return `${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*.*':
        return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*/*':
        return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;

      case '**':
        return nodot + globstar(opts);

      case '**/*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;

      case '**/*.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '**/.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;

      default: {
        const match = /^(.*?)\.(\w+)$/.exec(str);
        if (!match) return;

        const source = create(match[1]);
        if (!source) return;

        return source + DOT_LITERAL + match[2];
      }
    }
  };

  const output = utils.removePrefix(input, state);
  let source = create(output);

  if (source && opts.strictSlashes !== true) {
    source += `${SLASH_LITERAL}?`;
  }

  return source;
};

module.exports = parse;


/***/ }),

/***/ 8016:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const scan = __nccwpck_require__(1781);
const parse = __nccwpck_require__(8265);
const utils = __nccwpck_require__(4059);
const constants = __nccwpck_require__(5595);
const isObject = val => val && typeof val === 'object' && !Array.isArray(val);

/**
 * Creates a matcher function from one or more glob patterns. The
 * returned function takes a string to match as its first argument,
 * and returns true if the string is a match. The returned matcher
 * function also takes a boolean as the second argument that, when true,
 * returns an object with additional information.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch(glob[, options]);
 *
 * const isMatch = picomatch('*.!(*a)');
 * console.log(isMatch('a.a')); //=> false
 * console.log(isMatch('a.b')); //=> true
 *
 * // For environments without `node.js`, `picomatch/posix` provides you a dependency-free matcher, without automatic OS detection.
 * const picomatch = require('picomatch/posix');
 * // the same API, defaulting to posix paths
 * const isMatch = picomatch('a/*');
 * console.log(isMatch('a\\b')); //=> false
 * console.log(isMatch('a/b')); //=> true
 *
 * // you can still configure the matcher function to accept windows paths
 * const isMatch = picomatch('a/*', { options: windows });
 * console.log(isMatch('a\\b')); //=> true
 * console.log(isMatch('a/b')); //=> true
 * ```
 * @name picomatch
 * @param {String|Array} `globs` One or more glob patterns.
 * @param {Object=} `options`
 * @return {Function=} Returns a matcher function.
 * @api public
 */

const picomatch = (glob, options, returnState = false) => {
  if (Array.isArray(glob)) {
    const fns = glob.map(input => picomatch(input, options, returnState));
    const arrayMatcher = str => {
      for (const isMatch of fns) {
        const state = isMatch(str);
        if (state) return state;
      }
      return false;
    };
    return arrayMatcher;
  }

  const isState = isObject(glob) && glob.tokens && glob.input;

  if (glob === '' || (typeof glob !== 'string' && !isState)) {
    throw new TypeError('Expected pattern to be a non-empty string');
  }

  const opts = options || {};
  const posix = opts.windows;
  const regex = isState
    ? picomatch.compileRe(glob, options)
    : picomatch.makeRe(glob, options, false, true);

  const state = regex.state;
  delete regex.state;

  let isIgnored = () => false;
  if (opts.ignore) {
    const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
    isIgnored = picomatch(opts.ignore, ignoreOpts, returnState);
  }

  const matcher = (input, returnObject = false) => {
    const { isMatch, match, output } = picomatch.test(input, regex, options, { glob, posix });
    const result = { glob, state, regex, posix, input, output, match, isMatch };

    if (typeof opts.onResult === 'function') {
      opts.onResult(result);
    }

    if (isMatch === false) {
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (isIgnored(input)) {
      if (typeof opts.onIgnore === 'function') {
        opts.onIgnore(result);
      }
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (typeof opts.onMatch === 'function') {
      opts.onMatch(result);
    }
    return returnObject ? result : true;
  };

  if (returnState) {
    matcher.state = state;
  }

  return matcher;
};

/**
 * Test `input` with the given `regex`. This is used by the main
 * `picomatch()` function to test the input string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.test(input, regex[, options]);
 *
 * console.log(picomatch.test('foo/bar', /^(?:([^/]*?)\/([^/]*?))$/));
 * // { isMatch: true, match: [ 'foo/', 'foo', 'bar' ], output: 'foo/bar' }
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp} `regex`
 * @return {Object} Returns an object with matching info.
 * @api public
 */

picomatch.test = (input, regex, options, { glob, posix } = {}) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected input to be a string');
  }

  if (input === '') {
    return { isMatch: false, output: '' };
  }

  const opts = options || {};
  const format = opts.format || (posix ? utils.toPosixSlashes : null);
  let match = input === glob;
  let output = (match && format) ? format(input) : input;

  if (match === false) {
    output = format ? format(input) : input;
    match = output === glob;
  }

  if (match === false || opts.capture === true) {
    if (opts.matchBase === true || opts.basename === true) {
      match = picomatch.matchBase(input, regex, options, posix);
    } else {
      match = regex.exec(output);
    }
  }

  return { isMatch: Boolean(match), match, output };
};

/**
 * Match the basename of a filepath.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.matchBase(input, glob[, options]);
 * console.log(picomatch.matchBase('foo/bar.js', '*.js'); // true
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp|String} `glob` Glob pattern or regex created by [.makeRe](#makeRe).
 * @return {Boolean}
 * @api public
 */

picomatch.matchBase = (input, glob, options, posix = options && options.windows) => {
  const regex = glob instanceof RegExp ? glob : picomatch.makeRe(glob, options);
  return regex.test(utils.basename(input, { windows: posix }));
};

/**
 * Returns true if **any** of the given glob `patterns` match the specified `string`.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.isMatch(string, patterns[, options]);
 *
 * console.log(picomatch.isMatch('a.a', ['b.*', '*.a'])); //=> true
 * console.log(picomatch.isMatch('a.a', 'b.*')); //=> false
 * ```
 * @param {String|Array} str The string to test.
 * @param {String|Array} patterns One or more glob patterns to use for matching.
 * @param {Object} [options] See available [options](#options).
 * @return {Boolean} Returns true if any patterns match `str`
 * @api public
 */

picomatch.isMatch = (str, patterns, options) => picomatch(patterns, options)(str);

/**
 * Parse a glob pattern to create the source string for a regular
 * expression.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const result = picomatch.parse(pattern[, options]);
 * ```
 * @param {String} `pattern`
 * @param {Object} `options`
 * @return {Object} Returns an object with useful properties and output to be used as a regex source string.
 * @api public
 */

picomatch.parse = (pattern, options) => {
  if (Array.isArray(pattern)) return pattern.map(p => picomatch.parse(p, options));
  return parse(pattern, { ...options, fastpaths: false });
};

/**
 * Scan a glob pattern to separate the pattern into segments.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.scan(input[, options]);
 *
 * const result = picomatch.scan('!./foo/*.js');
 * console.log(result);
 * { prefix: '!./',
 *   input: '!./foo/*.js',
 *   start: 3,
 *   base: 'foo',
 *   glob: '*.js',
 *   isBrace: false,
 *   isBracket: false,
 *   isGlob: true,
 *   isExtglob: false,
 *   isGlobstar: false,
 *   negated: true }
 * ```
 * @param {String} `input` Glob pattern to scan.
 * @param {Object} `options`
 * @return {Object} Returns an object with
 * @api public
 */

picomatch.scan = (input, options) => scan(input, options);

/**
 * Compile a regular expression from the `state` object returned by the
 * [parse()](#parse) method.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const state = picomatch.parse('*.js');
 * // picomatch.compileRe(state[, options]);
 *
 * console.log(picomatch.compileRe(state));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {Object} `state`
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Intended for implementors, this argument allows you to return the raw output from the parser.
 * @param {Boolean} `returnState` Adds the state to a `state` property on the returned regex. Useful for implementors and debugging.
 * @return {RegExp}
 * @api public
 */

picomatch.compileRe = (state, options, returnOutput = false, returnState = false) => {
  if (returnOutput === true) {
    return state.output;
  }

  const opts = options || {};
  const prepend = opts.contains ? '' : '^';
  const append = opts.contains ? '' : '$';

  let source = `${prepend}(?:${state.output})${append}`;
  if (state && state.negated === true) {
    source = `^(?!${source}).*$`;
  }

  const regex = picomatch.toRegex(source, options);
  if (returnState === true) {
    regex.state = state;
  }

  return regex;
};

/**
 * Create a regular expression from a parsed glob pattern.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.makeRe(state[, options]);
 *
 * const result = picomatch.makeRe('*.js');
 * console.log(result);
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `state` The object returned from the `.parse` method.
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Implementors may use this argument to return the compiled output, instead of a regular expression. This is not exposed on the options to prevent end-users from mutating the result.
 * @param {Boolean} `returnState` Implementors may use this argument to return the state from the parsed glob with the returned regular expression.
 * @return {RegExp} Returns a regex created from the given pattern.
 * @api public
 */

picomatch.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
  if (!input || typeof input !== 'string') {
    throw new TypeError('Expected a non-empty string');
  }

  let parsed = { negated: false, fastpaths: true };

  if (options.fastpaths !== false && (input[0] === '.' || input[0] === '*')) {
    parsed.output = parse.fastpaths(input, options);
  }

  if (!parsed.output) {
    parsed = parse(input, options);
  }

  return picomatch.compileRe(parsed, options, returnOutput, returnState);
};

/**
 * Create a regular expression from the given regex source string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.toRegex(source[, options]);
 *
 * const { output } = picomatch.parse('*.js');
 * console.log(picomatch.toRegex(output));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `source` Regular expression source string.
 * @param {Object} `options`
 * @return {RegExp}
 * @api public
 */

picomatch.toRegex = (source, options) => {
  try {
    const opts = options || {};
    return new RegExp(source, opts.flags || (opts.nocase ? 'i' : ''));
  } catch (err) {
    if (options && options.debug === true) throw err;
    return /$^/;
  }
};

/**
 * Picomatch constants.
 * @return {Object}
 */

picomatch.constants = constants;

/**
 * Expose "picomatch"
 */

module.exports = picomatch;


/***/ }),

/***/ 1781:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const utils = __nccwpck_require__(4059);
const {
  CHAR_ASTERISK,             /* * */
  CHAR_AT,                   /* @ */
  CHAR_BACKWARD_SLASH,       /* \ */
  CHAR_COMMA,                /* , */
  CHAR_DOT,                  /* . */
  CHAR_EXCLAMATION_MARK,     /* ! */
  CHAR_FORWARD_SLASH,        /* / */
  CHAR_LEFT_CURLY_BRACE,     /* { */
  CHAR_LEFT_PARENTHESES,     /* ( */
  CHAR_LEFT_SQUARE_BRACKET,  /* [ */
  CHAR_PLUS,                 /* + */
  CHAR_QUESTION_MARK,        /* ? */
  CHAR_RIGHT_CURLY_BRACE,    /* } */
  CHAR_RIGHT_PARENTHESES,    /* ) */
  CHAR_RIGHT_SQUARE_BRACKET  /* ] */
} = __nccwpck_require__(5595);

const isPathSeparator = code => {
  return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
};

const depth = token => {
  if (token.isPrefix !== true) {
    token.depth = token.isGlobstar ? Infinity : 1;
  }
};

/**
 * Quickly scans a glob pattern and returns an object with a handful of
 * useful properties, like `isGlob`, `path` (the leading non-glob, if it exists),
 * `glob` (the actual pattern), `negated` (true if the path starts with `!` but not
 * with `!(`) and `negatedExtglob` (true if the path starts with `!(`).
 *
 * ```js
 * const pm = require('picomatch');
 * console.log(pm.scan('foo/bar/*.js'));
 * { isGlob: true, input: 'foo/bar/*.js', base: 'foo/bar', glob: '*.js' }
 * ```
 * @param {String} `str`
 * @param {Object} `options`
 * @return {Object} Returns an object with tokens and regex source string.
 * @api public
 */

const scan = (input, options) => {
  const opts = options || {};

  const length = input.length - 1;
  const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
  const slashes = [];
  const tokens = [];
  const parts = [];

  let str = input;
  let index = -1;
  let start = 0;
  let lastIndex = 0;
  let isBrace = false;
  let isBracket = false;
  let isGlob = false;
  let isExtglob = false;
  let isGlobstar = false;
  let braceEscaped = false;
  let backslashes = false;
  let negated = false;
  let negatedExtglob = false;
  let finished = false;
  let braces = 0;
  let prev;
  let code;
  let token = { value: '', depth: 0, isGlob: false };

  const eos = () => index >= length;
  const peek = () => str.charCodeAt(index + 1);
  const advance = () => {
    prev = code;
    return str.charCodeAt(++index);
  };

  while (index < length) {
    code = advance();
    let next;

    if (code === CHAR_BACKWARD_SLASH) {
      backslashes = token.backslashes = true;
      code = advance();

      if (code === CHAR_LEFT_CURLY_BRACE) {
        braceEscaped = true;
      }
      continue;
    }

    if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
      braces++;

      while (eos() !== true && (code = advance())) {
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          continue;
        }

        if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (braceEscaped !== true && code === CHAR_COMMA) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (code === CHAR_RIGHT_CURLY_BRACE) {
          braces--;

          if (braces === 0) {
            braceEscaped = false;
            isBrace = token.isBrace = true;
            finished = true;
            break;
          }
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (code === CHAR_FORWARD_SLASH) {
      slashes.push(index);
      tokens.push(token);
      token = { value: '', depth: 0, isGlob: false };

      if (finished === true) continue;
      if (prev === CHAR_DOT && index === (start + 1)) {
        start += 2;
        continue;
      }

      lastIndex = index + 1;
      continue;
    }

    if (opts.noext !== true) {
      const isExtglobChar = code === CHAR_PLUS
        || code === CHAR_AT
        || code === CHAR_ASTERISK
        || code === CHAR_QUESTION_MARK
        || code === CHAR_EXCLAMATION_MARK;

      if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
        isGlob = token.isGlob = true;
        isExtglob = token.isExtglob = true;
        finished = true;
        if (code === CHAR_EXCLAMATION_MARK && index === start) {
          negatedExtglob = true;
        }

        if (scanToEnd === true) {
          let parens = 0;

          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }

            if (code === CHAR_LEFT_PARENTHESES) {
              parens++;
              continue;
            }

            if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
              finished = true;
              break;
            }
          }
          continue;
        }
        break;
      }
    }

    if (code === CHAR_ASTERISK) {
      if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_QUESTION_MARK) {
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_LEFT_SQUARE_BRACKET) {
      while (eos() !== true && (next = advance())) {
        if (next === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (next === CHAR_RIGHT_SQUARE_BRACKET) {
          isBracket = token.isBracket = true;
          isGlob = token.isGlob = true;
          finished = true;
          break;
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
      negated = token.negated = true;
      start++;
      continue;
    }

    if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
      isGlob = token.isGlob = true;

      if (scanToEnd === true) {
        let parens = 1;

        while (eos() !== true && (code = advance())) {
          if (code === CHAR_BACKWARD_SLASH) {
            backslashes = token.backslashes = true;
            advance();
            continue;
          }

          if (code === CHAR_LEFT_PARENTHESES) {
            parens++;
            continue;
          }

          if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
            finished = true;
            break;
          }
        }
        continue;
      }
      break;
    }

    if (isGlob === true) {
      finished = true;

      if (scanToEnd === true) {
        continue;
      }

      break;
    }
  }

  if (opts.noext === true) {
    isExtglob = false;
    isGlob = false;
  }

  let base = str;
  let prefix = '';
  let glob = '';

  if (start > 0) {
    prefix = str.slice(0, start);
    str = str.slice(start);
    lastIndex -= start;
  }

  if (base && isGlob === true && lastIndex > 0) {
    base = str.slice(0, lastIndex);
    glob = str.slice(lastIndex);
  } else if (isGlob === true) {
    base = '';
    glob = str;
  } else {
    base = str;
  }

  if (base && base !== '' && base !== '/' && base !== str) {
    if (isPathSeparator(base.charCodeAt(base.length - 1))) {
      base = base.slice(0, -1);
    }
  }

  if (opts.unescape === true) {
    if (glob) glob = utils.removeBackslashes(glob);

    if (base && backslashes === true) {
      base = utils.removeBackslashes(base);
    }
  }

  const state = {
    prefix,
    input,
    start,
    base,
    glob,
    isBrace,
    isBracket,
    isGlob,
    isExtglob,
    isGlobstar,
    negated,
    negatedExtglob
  };

  if (opts.tokens === true) {
    state.maxDepth = 0;
    if (!isPathSeparator(code)) {
      tokens.push(token);
    }
    state.tokens = tokens;
  }

  if (opts.parts === true || opts.tokens === true) {
    let prevIndex;

    for (let idx = 0; idx < slashes.length; idx++) {
      const n = prevIndex !== undefined ? prevIndex + 1 : start;
      const i = slashes[idx];
      const value = input.slice(n, i);
      if (opts.tokens) {
        if (idx === 0 && start !== 0) {
          tokens[idx].isPrefix = true;
          tokens[idx].value = prefix;
        } else {
          tokens[idx].value = value;
        }
        depth(tokens[idx]);
        state.maxDepth += tokens[idx].depth;
      }
      if (i >= start) {
        parts.push(value);
        prevIndex = i;
      }
    }

    const n = prevIndex !== undefined ? prevIndex + 1 : start;
    const value = input.slice(n);
    parts.push(value);

    if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
      tokens[tokens.length - 1].value = value;
      depth(tokens[tokens.length - 1]);
      state.maxDepth += tokens[tokens.length - 1].depth;
    }

    state.slashes = slashes;
    state.parts = parts;
  }

  return state;
};

module.exports = scan;


/***/ }),

/***/ 4059:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/*global navigator*/


const {
  REGEX_BACKSLASH,
  REGEX_REMOVE_BACKSLASH,
  REGEX_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_GLOBAL
} = __nccwpck_require__(5595);

exports.isObject = val => val !== null && typeof val === 'object' && !Array.isArray(val);
exports.hasRegexChars = str => REGEX_SPECIAL_CHARS.test(str);
exports.isRegexChar = str => str.length === 1 && exports.hasRegexChars(str);
exports.escapeRegex = str => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, '\\$1');
exports.toPosixSlashes = str => str.replace(REGEX_BACKSLASH, '/');

exports.isWindows = () => {
  if (typeof navigator !== 'undefined' && navigator.platform) {
    const platform = navigator.platform.toLowerCase();
    return platform === 'win32' || platform === 'windows';
  }

  if (typeof process !== 'undefined' && process.platform) {
    return process.platform === 'win32';
  }

  return false;
};

exports.removeBackslashes = str => {
  return str.replace(REGEX_REMOVE_BACKSLASH, match => {
    return match === '\\' ? '' : match;
  });
};

exports.escapeLast = (input, char, lastIdx) => {
  const idx = input.lastIndexOf(char, lastIdx);
  if (idx === -1) return input;
  if (input[idx - 1] === '\\') return exports.escapeLast(input, char, idx - 1);
  return `${input.slice(0, idx)}\\${input.slice(idx)}`;
};

exports.removePrefix = (input, state = {}) => {
  let output = input;
  if (output.startsWith('./')) {
    output = output.slice(2);
    state.prefix = './';
  }
  return output;
};

exports.wrapOutput = (input, state = {}, options = {}) => {
  const prepend = options.contains ? '' : '^';
  const append = options.contains ? '' : '$';

  let output = `${prepend}(?:${input})${append}`;
  if (state.negated === true) {
    output = `(?:^(?!${output}).*$)`;
  }
  return output;
};

exports.basename = (path, { windows } = {}) => {
  const segs = path.split(windows ? /[\\/]/ : '/');
  const last = segs[segs.length - 1];

  if (last === '') {
    return segs[segs.length - 2];
  }

  return last;
};


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 7349:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveBlockMap = __nccwpck_require__(7103);
var resolveBlockSeq = __nccwpck_require__(334);
var resolveFlowCollection = __nccwpck_require__(3142);

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = identity.isNode(res)
        ? res
        : new Scalar.Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

exports.composeCollection = composeCollection;


/***/ }),

/***/ 3683:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Document = __nccwpck_require__(3021);
var composeNode = __nccwpck_require__(5937);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document.Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps.resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode.composeNode(ctx, value, props, onError)
        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

exports.composeDoc = composeDoc;


/***/ }),

/***/ 5937:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var composeCollection = __nccwpck_require__(7349);
var composeScalar = __nccwpck_require__(5413);
var resolveEnd = __nccwpck_require__(7788);
var utilEmptyScalarPosition = __nccwpck_require__(2599);

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar.composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!identity.isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar.composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias.Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

exports.composeEmptyNode = composeEmptyNode;
exports.composeNode = composeNode;


/***/ }),

/***/ 5413:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[identity.SCALAR];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar.Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[identity.SCALAR]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[identity.SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[identity.SCALAR];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

exports.composeScalar = composeScalar;


/***/ }),

/***/ 9984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var directives = __nccwpck_require__(1342);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var identity = __nccwpck_require__(1127);
var composeDoc = __nccwpck_require__(3683);
var resolveEnd = __nccwpck_require__(7788);

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new errors.YAMLWarning(pos, code, message));
            else
                this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new directives.Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (identity.isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        if (node_process.env.LOG_STREAM)
            console.dir(token, { depth: null });
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document.Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

exports.Composer = Composer;


/***/ }),

/***/ 7103:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilFlowIndentCheck = __nccwpck_require__(4051);
var utilMapIncludes = __nccwpck_require__(1187);

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps.resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps.resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

exports.resolveBlockMap = resolveBlockMap;


/***/ }),

/***/ 8913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

exports.resolveBlockScalar = resolveBlockScalar;


/***/ }),

/***/ 334:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var YAMLSeq = __nccwpck_require__(2223);
var resolveProps = __nccwpck_require__(4631);
var utilFlowIndentCheck = __nccwpck_require__(4051);

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

exports.resolveBlockSeq = resolveBlockSeq;


/***/ }),

/***/ 7788:
/***/ ((__unused_webpack_module, exports) => {



function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

exports.resolveEnd = resolveEnd;


/***/ }),

/***/ 3142:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilMapIncludes = __nccwpck_require__(1187);

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (identity.isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // → key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps.resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap.YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

exports.resolveFlowCollection = resolveFlowCollection;


/***/ }),

/***/ 6842:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var resolveEnd = __nccwpck_require__(7788);

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

exports.resolveFlowScalar = resolveFlowScalar;


/***/ }),

/***/ 4631:
/***/ ((__unused_webpack_module, exports) => {



function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

exports.resolveProps = resolveProps;


/***/ }),

/***/ 9499:
/***/ ((__unused_webpack_module, exports) => {



function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

exports.containsNewline = containsNewline;


/***/ }),

/***/ 2599:
/***/ ((__unused_webpack_module, exports) => {



function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

exports.emptyScalarPosition = emptyScalarPosition;


/***/ }),

/***/ 4051:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var utilContainsNewline = __nccwpck_require__(9499);

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            utilContainsNewline.containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

exports.flowIndentCheck = flowIndentCheck;


/***/ }),

/***/ 1187:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

exports.mapIncludes = mapIncludes;


/***/ }),

/***/ 3021:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var toJS = __nccwpck_require__(4043);
var Schema = __nccwpck_require__(5840);
var stringifyDocument = __nccwpck_require__(6829);
var anchors = __nccwpck_require__(1596);
var applyReviver = __nccwpck_require__(3661);
var createNode = __nccwpck_require__(2404);
var directives = __nccwpck_require__(1342);

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = identity.isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchors.anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias.Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return identity.isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
            return !keepScalar && identity.isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return identity.isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (Collection.isEmptyPath(path))
            return this.contents !== undefined;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new directives.Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new directives.Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema.Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (identity.isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

exports.Document = Document;


/***/ }),

/***/ 1596:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit.visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

exports.anchorIsValid = anchorIsValid;
exports.anchorNames = anchorNames;
exports.createNodeAnchors = createNodeAnchors;
exports.findNewAnchor = findNewAnchor;


/***/ }),

/***/ 3661:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

exports.applyReviver = applyReviver;


/***/ }),

/***/ 2404:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (identity.isDocument(value))
        value = value.contents;
    if (identity.isNode(value))
        return value;
    if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias.Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar.Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[identity.MAP]
                : Symbol.iterator in Object(value)
                    ? schema[identity.SEQ]
                    : schema[identity.MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar.Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

exports.createNode = createNode;


/***/ }),

/***/ 1342:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
            const tags = {};
            visit.visit(doc.contents, (_key, node) => {
                if (identity.isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

exports.Directives = Directives;


/***/ }),

/***/ 1464:
/***/ ((__unused_webpack_module, exports) => {



class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '…' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '…';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '…\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

exports.YAMLError = YAMLError;
exports.YAMLParseError = YAMLParseError;
exports.YAMLWarning = YAMLWarning;
exports.prettifyError = prettifyError;


/***/ }),

/***/ 8815:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var Schema = __nccwpck_require__(5840);
var errors = __nccwpck_require__(1464);
var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);
var publicApi = __nccwpck_require__(4047);
var visit = __nccwpck_require__(204);



__webpack_unused_export__ = composer.Composer;
__webpack_unused_export__ = Document.Document;
__webpack_unused_export__ = Schema.Schema;
__webpack_unused_export__ = errors.YAMLError;
exports.XT = errors.YAMLParseError;
__webpack_unused_export__ = errors.YAMLWarning;
__webpack_unused_export__ = Alias.Alias;
__webpack_unused_export__ = identity.isAlias;
__webpack_unused_export__ = identity.isCollection;
__webpack_unused_export__ = identity.isDocument;
exports.jh = identity.isMap;
__webpack_unused_export__ = identity.isNode;
__webpack_unused_export__ = identity.isPair;
exports.jn = identity.isScalar;
exports.oP = identity.isSeq;
__webpack_unused_export__ = Pair.Pair;
exports.X5 = Scalar.Scalar;
__webpack_unused_export__ = YAMLMap.YAMLMap;
__webpack_unused_export__ = YAMLSeq.YAMLSeq;
__webpack_unused_export__ = cst;
__webpack_unused_export__ = lexer.Lexer;
exports.HN = lineCounter.LineCounter;
__webpack_unused_export__ = parser.Parser;
exports.qg = publicApi.parse;
__webpack_unused_export__ = publicApi.parseAllDocuments;
exports.Tp = publicApi.parseDocument;
__webpack_unused_export__ = publicApi.stringify;
__webpack_unused_export__ = visit.visit;
__webpack_unused_export__ = visit.visitAsync;


/***/ }),

/***/ 7249:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);

function debug(logLevel, ...messages) {
    if (logLevel === 'debug')
        console.log(...messages);
}
function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        if (typeof node_process.emitWarning === 'function')
            node_process.emitWarning(warning);
        else
            console.warn(warning);
    }
}

exports.debug = debug;
exports.warn = warn;


/***/ }),

/***/ 4065:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var visit = __nccwpck_require__(204);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

class Alias extends Node.NodeBase {
    constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit.visit(doc, {
                Node: (_key, node) => {
                    if (identity.isAlias(node) || identity.hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS.toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchors.anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

exports.Alias = Alias;


/***/ }),

/***/ 101:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode.createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends Node.NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!identity.isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    identity.isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

exports.Collection = Collection;
exports.collectionFromPath = collectionFromPath;
exports.isEmptyPath = isEmptyPath;


/***/ }),

/***/ 6673:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var applyReviver = __nccwpck_require__(3661);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

exports.NodeBase = NodeBase;


/***/ }),

/***/ 7165:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyPair = __nccwpck_require__(9748);
var addPairToJSMap = __nccwpck_require__(7104);
var identity = __nccwpck_require__(1127);

function createPair(key, value, ctx) {
    const k = createNode.createNode(key, undefined, ctx);
    const v = createNode.createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
            key = key.clone(schema);
        if (identity.isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

exports.Pair = Pair;
exports.createPair = createPair;


/***/ }),

/***/ 3301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends Node.NodeBase {
    constructor(value) {
        super(identity.SCALAR);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

exports.Scalar = Scalar;
exports.isScalarValue = isScalarValue;


/***/ }),

/***/ 4454:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyCollection = __nccwpck_require__(1212);
var addPairToJSMap = __nccwpck_require__(7104);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);

function findPair(items, key) {
    const k = identity.isScalar(key) ? key.value : key;
    for (const it of items) {
        if (identity.isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (identity.isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair.Pair(pair, pair?.value);
        }
        else
            _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair.Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!identity.isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

exports.YAMLMap = YAMLMap;
exports.findPair = findPair;


/***/ }),

/***/ 2223:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyCollection = __nccwpck_require__(1212);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var toJS = __nccwpck_require__(4043);

class YAMLSeq extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode.createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = identity.isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

exports.YAMLSeq = YAMLSeq;


/***/ }),

/***/ 7104:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var log = __nccwpck_require__(7249);
var merge = __nccwpck_require__(452);
var stringify = __nccwpck_require__(2148);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

function addPairToJSMap(ctx, map, { key, value }) {
    if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS.toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS.toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

exports.addPairToJSMap = addPairToJSMap;


/***/ }),

/***/ 1127:
/***/ ((__unused_webpack_module, exports) => {



const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

exports.ALIAS = ALIAS;
exports.DOC = DOC;
exports.MAP = MAP;
exports.NODE_TYPE = NODE_TYPE;
exports.PAIR = PAIR;
exports.SCALAR = SCALAR;
exports.SEQ = SEQ;
exports.hasAnchor = hasAnchor;
exports.isAlias = isAlias;
exports.isCollection = isCollection;
exports.isDocument = isDocument;
exports.isMap = isMap;
exports.isNode = isNode;
exports.isPair = isPair;
exports.isScalar = isScalar;
exports.isSeq = isSeq;


/***/ }),

/***/ 4043:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !identity.hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

exports.toJS = toJS;


/***/ }),

/***/ 110:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);
var errors = __nccwpck_require__(1464);
var stringifyString = __nccwpck_require__(3069);

function resolveAsScalar(token, strict = true, onError) {
    if (token) {
        const _onError = (pos, code, message) => {
            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
            if (onError)
                onError(offset, code, message);
            else
                throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
            case 'block-scalar':
                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
    }
    return null;
}
/**
 * Create a new scalar token with `value`
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.indent The indent level of the token.
 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
 * @param context.offset The offset position of the token.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function createScalarToken(value, context) {
    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    const end = context.end ?? [
        { type: 'newline', offset: -1, indent, source: '\n' }
    ];
    switch (source[0]) {
        case '|':
        case '>': {
            const he = source.indexOf('\n');
            const head = source.substring(0, he);
            const body = source.substring(he + 1) + '\n';
            const props = [
                { type: 'block-scalar-header', offset, indent, source: head }
            ];
            if (!addEndtoBlockProps(props, end))
                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
            return { type: 'block-scalar', offset, indent, props, source: body };
        }
        case '"':
            return { type: 'double-quoted-scalar', offset, indent, source, end };
        case "'":
            return { type: 'single-quoted-scalar', offset, indent, source, end };
        default:
            return { type: 'scalar', offset, indent, source, end };
    }
}
/**
 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
 *
 * Best efforts are made to retain any comments previously associated with the `token`,
 * though all contents within a collection's `items` will be overwritten.
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function setScalarValue(token, value, context = {}) {
    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
    let indent = 'indent' in token ? token.indent : null;
    if (afterKey && typeof indent === 'number')
        indent += 2;
    if (!type)
        switch (token.type) {
            case 'single-quoted-scalar':
                type = 'QUOTE_SINGLE';
                break;
            case 'double-quoted-scalar':
                type = 'QUOTE_DOUBLE';
                break;
            case 'block-scalar': {
                const header = token.props[0];
                if (header.type !== 'block-scalar-header')
                    throw new Error('Invalid block scalar header');
                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
                break;
            }
            default:
                type = 'PLAIN';
        }
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    switch (source[0]) {
        case '|':
        case '>':
            setBlockScalarValue(token, source);
            break;
        case '"':
            setFlowScalarValue(token, source, 'double-quoted-scalar');
            break;
        case "'":
            setFlowScalarValue(token, source, 'single-quoted-scalar');
            break;
        default:
            setFlowScalarValue(token, source, 'scalar');
    }
}
function setBlockScalarValue(token, source) {
    const he = source.indexOf('\n');
    const head = source.substring(0, he);
    const body = source.substring(he + 1) + '\n';
    if (token.type === 'block-scalar') {
        const header = token.props[0];
        if (header.type !== 'block-scalar-header')
            throw new Error('Invalid block scalar header');
        header.source = head;
        token.source = body;
    }
    else {
        const { offset } = token;
        const indent = 'indent' in token ? token.indent : -1;
        const props = [
            { type: 'block-scalar-header', offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
        for (const key of Object.keys(token))
            if (key !== 'type' && key !== 'offset')
                delete token[key];
        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
    }
}
/** @returns `true` if last token is a newline */
function addEndtoBlockProps(props, end) {
    if (end)
        for (const st of end)
            switch (st.type) {
                case 'space':
                case 'comment':
                    props.push(st);
                    break;
                case 'newline':
                    props.push(st);
                    return true;
            }
    return false;
}
function setFlowScalarValue(token, source, type) {
    switch (token.type) {
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            token.type = type;
            token.source = source;
            break;
        case 'block-scalar': {
            const end = token.props.slice(1);
            let oa = source.length;
            if (token.props[0].type === 'block-scalar-header')
                oa -= token.props[0].source.length;
            for (const tok of end)
                tok.offset += oa;
            delete token.props;
            Object.assign(token, { type, source, end });
            break;
        }
        case 'block-map':
        case 'block-seq': {
            const offset = token.offset + source.length;
            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
            delete token.items;
            Object.assign(token, { type, source, end: [nl] });
            break;
        }
        default: {
            const indent = 'indent' in token ? token.indent : -1;
            const end = 'end' in token && Array.isArray(token.end)
                ? token.end.filter(st => st.type === 'space' ||
                    st.type === 'comment' ||
                    st.type === 'newline')
                : [];
            for (const key of Object.keys(token))
                if (key !== 'type' && key !== 'offset')
                    delete token[key];
            Object.assign(token, { type, indent, source, end });
        }
    }
}

exports.createScalarToken = createScalarToken;
exports.resolveAsScalar = resolveAsScalar;
exports.setScalarValue = setScalarValue;


/***/ }),

/***/ 1733:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringify a CST document, token, or collection item
 *
 * Fair warning: This applies no validation whatsoever, and
 * simply concatenates the sources in their logical order.
 */
const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
    switch (token.type) {
        case 'block-scalar': {
            let res = '';
            for (const tok of token.props)
                res += stringifyToken(tok);
            return res + token.source;
        }
        case 'block-map':
        case 'block-seq': {
            let res = '';
            for (const item of token.items)
                res += stringifyItem(item);
            return res;
        }
        case 'flow-collection': {
            let res = token.start.source;
            for (const item of token.items)
                res += stringifyItem(item);
            for (const st of token.end)
                res += st.source;
            return res;
        }
        case 'document': {
            let res = stringifyItem(token);
            if (token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
        default: {
            let res = token.source;
            if ('end' in token && token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
    }
}
function stringifyItem({ start, key, sep, value }) {
    let res = '';
    for (const st of start)
        res += st.source;
    if (key)
        res += stringifyToken(key);
    if (sep)
        for (const st of sep)
            res += st.source;
    if (value)
        res += stringifyToken(value);
    return res;
}

exports.stringify = stringify;


/***/ }),

/***/ 7715:
/***/ ((__unused_webpack_module, exports) => {



const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove item');
/**
 * Apply a visitor to a CST document or item.
 *
 * Walks through the tree (depth-first) starting from the root, calling a
 * `visitor` function with two arguments when entering each item:
 *   - `item`: The current item, which included the following members:
 *     - `start: SourceToken[]` – Source tokens before the key or value,
 *       possibly including its anchor or tag.
 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
 *       the key before the `:` separator is empty.
 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
 *       which should include the `:` map value indicator if `value` is set.
 *     - `value?: Token` – The value of a sequence item, or of a map pair.
 *   - `path`: The steps from the root to the current node, as an array of
 *     `['key' | 'value', number]` tuples.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this token, continue with
 *      next sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
 *   - `number`: Set the index of the next step. This is useful especially if
 *     the index of the current token has changed.
 *   - `function`: Define the next visitor for this item. After the original
 *     visitor is called on item entry, next visitors are called after handling
 *     a non-empty `key` and when exiting the item.
 */
function visit(cst, visitor) {
    if ('type' in cst && cst.type === 'document')
        cst = { start: cst.start, value: cst.value };
    _visit(Object.freeze([]), cst, visitor);
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current item */
visit.SKIP = SKIP;
/** Remove the current item */
visit.REMOVE = REMOVE;
/** Find the item at `path` from `cst` as the root */
visit.itemAtPath = (cst, path) => {
    let item = cst;
    for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && 'items' in tok) {
            item = tok.items[index];
        }
        else
            return undefined;
    }
    return item;
};
/**
 * Get the immediate parent collection of the item at `path` from `cst` as the root.
 *
 * Throws an error if the collection is not found, which should never happen if the item itself exists.
 */
visit.parentCollection = (cst, path) => {
    const parent = visit.itemAtPath(cst, path.slice(0, -1));
    const field = path[path.length - 1][0];
    const coll = parent?.[field];
    if (coll && 'items' in coll)
        return coll;
    throw new Error('Parent collection not found');
};
function _visit(path, item, visitor) {
    let ctrl = visitor(item, path);
    if (typeof ctrl === 'symbol')
        return ctrl;
    for (const field of ['key', 'value']) {
        const token = item[field];
        if (token && 'items' in token) {
            for (let i = 0; i < token.items.length; ++i) {
                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    token.items.splice(i, 1);
                    i -= 1;
                }
            }
            if (typeof ctrl === 'function' && field === 'key')
                ctrl = ctrl(item, path);
        }
    }
    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
}

exports.visit = visit;


/***/ }),

/***/ 3461:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cstScalar = __nccwpck_require__(110);
var cstStringify = __nccwpck_require__(1733);
var cstVisit = __nccwpck_require__(7715);

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** @returns `true` if `token` is a flow or block collection */
const isCollection = (token) => !!token && 'items' in token;
/** @returns `true` if `token` is a flow or block scalar; not an alias */
const isScalar = (token) => !!token &&
    (token.type === 'scalar' ||
        token.type === 'single-quoted-scalar' ||
        token.type === 'double-quoted-scalar' ||
        token.type === 'block-scalar');
/* istanbul ignore next */
/** Get a printable representation of a lexer token */
function prettyToken(token) {
    switch (token) {
        case BOM:
            return '<BOM>';
        case DOCUMENT:
            return '<DOC>';
        case FLOW_END:
            return '<FLOW_END>';
        case SCALAR:
            return '<SCALAR>';
        default:
            return JSON.stringify(token);
    }
}
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

exports.createScalarToken = cstScalar.createScalarToken;
exports.resolveAsScalar = cstScalar.resolveAsScalar;
exports.setScalarValue = cstScalar.setScalarValue;
exports.stringify = cstStringify.stringify;
exports.visit = cstVisit.visit;
exports.BOM = BOM;
exports.DOCUMENT = DOCUMENT;
exports.FLOW_END = FLOW_END;
exports.SCALAR = SCALAR;
exports.isCollection = isCollection;
exports.isScalar = isScalar;
exports.prettyToken = prettyToken;
exports.tokenType = tokenType;


/***/ }),

/***/ 361:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cst = __nccwpck_require__(3461);

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === cst.BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield cst.FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

exports.Lexer = Lexer;


/***/ }),

/***/ 6628:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

exports.LineCounter = LineCounter;


/***/ }),

/***/ 3456:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

exports.Parser = Parser;


/***/ }),

/***/ 4047:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var log = __nccwpck_require__(7249);
var identity = __nccwpck_require__(1127);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
    return { lineCounter: lineCounter$1, prettyErrors };
}
/**
 * Parse the input as a stream of YAML documents.
 *
 * Documents should be separated from each other by `...` or `---` marker lines.
 *
 * @returns If an empty `docs` array is returned, it will be of type
 *   EmptyStream and contain additional stream information. In
 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
 */
function parseAllDocuments(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
    if (prettyErrors && lineCounter)
        for (const doc of docs) {
            doc.errors.forEach(errors.prettifyError(source, lineCounter));
            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
        }
    if (docs.length > 0)
        return docs;
    return Object.assign([], { empty: true }, composer$1.streamInfo());
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
    }
    return doc;
}
function parse(src, reviver, options) {
    let _reviver = undefined;
    if (typeof reviver === 'function') {
        _reviver = reviver;
    }
    else if (options === undefined && reviver && typeof reviver === 'object') {
        options = reviver;
    }
    const doc = parseDocument(src, options);
    if (!doc)
        return null;
    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        else
            doc.errors = [];
    }
    return doc.toJS(Object.assign({ reviver: _reviver }, options));
}
function stringify(value, replacer, options) {
    let _replacer = null;
    if (typeof replacer === 'function' || Array.isArray(replacer)) {
        _replacer = replacer;
    }
    else if (options === undefined && replacer) {
        options = replacer;
    }
    if (typeof options === 'string')
        options = options.length;
    if (typeof options === 'number') {
        const indent = Math.round(options);
        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
    }
    if (value === undefined) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
            return undefined;
    }
    if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
    return new Document.Document(value, _replacer, options).toString(options);
}

exports.parse = parse;
exports.parseAllDocuments = parseAllDocuments;
exports.parseDocument = parseDocument;
exports.stringify = stringify;


/***/ }),

/***/ 5840:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var tags = __nccwpck_require__(18);

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? tags.getTags(compat, 'compat')
            : compat
                ? tags.getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

exports.Schema = Schema;


/***/ }),

/***/ 7451:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLMap = __nccwpck_require__(4454);

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap.YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!identity.isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
};

exports.map = map;


/***/ }),

/***/ 3632:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar.Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar.Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

exports.nullTag = nullTag;


/***/ }),

/***/ 1706:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLSeq = __nccwpck_require__(2223);

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq.YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!identity.isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
};

exports.seq = seq;


/***/ }),

/***/ 6464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyString = __nccwpck_require__(3069);

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
    }
};

exports.string = string;


/***/ }),

/***/ 3959:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

exports.boolTag = boolTag;


/***/ }),

/***/ 8405:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 9874:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber.stringifyNumber(node);
}
const intOct = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
    stringify: node => intStringify(node, 8, '0o')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 896:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.boolTag,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float
];

exports.schema = schema;


/***/ }),

/***/ 3559:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);

function intIdentify(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

exports.schema = schema;


/***/ }),

/***/ 18:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);
var schema = __nccwpck_require__(896);
var schema$1 = __nccwpck_require__(3559);
var binary = __nccwpck_require__(6083);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var schema$2 = __nccwpck_require__(5913);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schemas = new Map([
    ['core', schema.schema],
    ['failsafe', [map.map, seq.seq, string.string]],
    ['json', schema$1.schema],
    ['yaml11', schema$2.schema],
    ['yaml-1.1', schema$2.schema]
]);
const tagsByName = {
    binary: binary.binary,
    bool: bool.boolTag,
    float: float.float,
    floatExp: float.floatExp,
    floatNaN: float.floatNaN,
    floatTime: timestamp.floatTime,
    int: int.int,
    intHex: int.intHex,
    intOct: int.intOct,
    intTime: timestamp.intTime,
    map: map.map,
    merge: merge.merge,
    null: _null.nullTag,
    omap: omap.omap,
    pairs: pairs.pairs,
    seq: seq.seq,
    set: set.set,
    timestamp: timestamp.timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary.binary,
    'tag:yaml.org,2002:merge': merge.merge,
    'tag:yaml.org,2002:omap': omap.omap,
    'tag:yaml.org,2002:pairs': pairs.pairs,
    'tag:yaml.org,2002:set': set.set,
    'tag:yaml.org,2002:timestamp': timestamp.timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge)
            ? schemaTags.concat(merge.merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge.merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

exports.coreKnownTags = coreKnownTags;
exports.getTags = getTags;


/***/ }),

/***/ 6083:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_buffer = __nccwpck_require__(181);
var Scalar = __nccwpck_require__(3301);
var stringifyString = __nccwpck_require__(3069);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof node_buffer.Buffer === 'function') {
            return node_buffer.Buffer.from(src, 'base64');
        }
        else if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof node_buffer.Buffer === 'function') {
            str =
                buf instanceof node_buffer.Buffer
                    ? buf.toString('base64')
                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
        }
        else if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

exports.binary = binary;


/***/ }),

/***/ 8398:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar.Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar.Scalar(false),
    stringify: boolStringify
};

exports.falseTag = falseTag;
exports.trueTag = trueTag;


/***/ }),

/***/ 5782:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 873:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber.stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intBin = intBin;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 452:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (identity.isScalar(key) &&
        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (identity.isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!identity.isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

exports.addMergeToJSMap = addMergeToJSMap;
exports.isMergeKey = isMergeKey;
exports.merge = merge;


/***/ }),

/***/ 303:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var pairs = __nccwpck_require__(8385);

class YAMLOMap extends YAMLSeq.YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (identity.isPair(pair)) {
                key = toJS.toJS(pair.key, '', ctx);
                value = toJS.toJS(pair.value, key, ctx);
            }
            else {
                key = toJS.toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs$1.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
            if (identity.isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

exports.YAMLOMap = YAMLOMap;
exports.omap = omap;


/***/ }),

/***/ 8385:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLSeq = __nccwpck_require__(2223);

function resolvePairs(seq, onError) {
    if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (identity.isPair(item))
                continue;
            else if (identity.isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq.YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(Pair.createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

exports.createPairs = createPairs;
exports.pairs = pairs;
exports.resolvePairs = resolvePairs;


/***/ }),

/***/ 5913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var binary = __nccwpck_require__(6083);
var bool = __nccwpck_require__(8398);
var float = __nccwpck_require__(5782);
var int = __nccwpck_require__(873);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.trueTag,
    bool.falseTag,
    int.intBin,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float,
    binary.binary,
    merge.merge,
    omap.omap,
    pairs.pairs,
    set.set,
    timestamp.intTime,
    timestamp.floatTime,
    timestamp.timestamp
];

exports.schema = schema;


/***/ }),

/***/ 1528:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);

class YAMLSet extends YAMLMap.YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (identity.isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair.Pair(key.key, null);
        else
            pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair)
            ? identity.isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair.Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(Pair.createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (identity.isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

exports.YAMLSet = YAMLSet;
exports.set = set;


/***/ }),

/***/ 6752:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

exports.floatTime = floatTime;
exports.intTime = intTime;
exports.timestamp = timestamp;


/***/ }),

/***/ 4475:
/***/ ((__unused_webpack_module, exports) => {



const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

exports.FOLD_BLOCK = FOLD_BLOCK;
exports.FOLD_FLOW = FOLD_FLOW;
exports.FOLD_QUOTED = FOLD_QUOTED;
exports.foldFlowLines = foldFlowLines;


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var identity = __nccwpck_require__(1127);
var stringifyComment = __nccwpck_require__(9799);
var stringifyString = __nccwpck_require__(3069);

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
    if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (identity.isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = identity.isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : identity.isScalar(node)
            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

exports.createStringifyContext = createStringifyContext;
exports.stringify = stringify;


/***/ }),

/***/ 1212:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = identity.isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

exports.stringifyCollection = stringifyCollection;


/***/ }),

/***/ 9799:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

exports.indentComment = indentComment;
exports.lineComment = lineComment;
exports.stringifyComment = stringifyComment;


/***/ }),

/***/ 6829:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = stringify.createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (identity.isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += stringifyComment.lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify.stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(stringifyComment.indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

exports.stringifyDocument = stringifyDocument;


/***/ }),

/***/ 8689:
/***/ ((__unused_webpack_module, exports) => {



function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

exports.stringifyNumber = stringifyNumber;


/***/ }),

/***/ 9748:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (identity.isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            identity.isCollection(key) ||
            (identity.isScalar(key)
                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        identity.isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

exports.stringifyPair = stringifyPair;


/***/ }),

/***/ 3069:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var foldFlowLines = __nccwpck_require__(4475);

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.Scalar.BLOCK_FOLDED:
            case Scalar.Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

exports.stringifyString = stringifyString;


/***/ }),

/***/ 204:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
/**
 * Apply an async visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `Promise`: Must resolve to one of the following values
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
async function visitAsync(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visitAsync.BREAK = BREAK;
/** Do not visit the children of the current node */
visitAsync.SKIP = SKIP;
/** Remove the current node */
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
    const ctrl = await callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = await visitAsync_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = await visitAsync_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = await visitAsync_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
    if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
    if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (identity.isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (identity.isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (identity.isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

exports.visit = visit;
exports.visitAsync = visitAsync;


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./src/model/version.ts
/** Kept in step with package.json by a test. */
const VERSION = '0.1.0';

;// CONCATENATED MODULE: ./src/graph/purpose.ts
/** Words in a stage or target name that say "environment". */
const ENVIRONMENT_WORDS = new Set([
    'dev',
    'devel',
    'develop',
    'development',
    'devcontainer',
    'devenv',
    'devenvs',
    'test',
    'tests',
    'testing',
    'tester',
    'lint',
    'linter',
    'lints',
    'ci',
    'validate',
    'validation',
    'check',
    'checks',
    'vendor',
    'debug',
    'tools',
    'tooling',
    'toolchain',
    'codegen',
    'generate',
    'generated',
    'gen',
    'e2e',
    'integration',
    'fixture',
    'fixtures',
    'bench',
    'benchmark',
    'sandbox',
    'playground',
    'update'
]);
/** Folders (or file-name words) that hold environments, not products. */
const ENVIRONMENT_FOLDERS = new Set([
    '.devcontainer',
    'devcontainer',
    '.devcontainers',
    'test',
    'tests',
    'testdata',
    'testing',
    'fixtures',
    '__fixtures__',
    'fixture',
    'e2e',
    'integration',
    'ci',
    '.ci',
    '.github',
    'hack',
    'tools',
    'dev',
    '.gitpod',
    'benchmarks',
    'bench'
]);
/** Base images made to be development or CI environments. */
const ENVIRONMENT_BASES = [
    /^mcr\.microsoft\.com\/(?:vscode\/)?devcontainers\//,
    /^(?:docker\.io\/)?gitpod\/workspace-/,
    /^(?:ghcr\.io\/)?actions\/actions-runner/,
    /^(?:docker\.io\/)?(?:myoung34\/github-runner|summerwind\/actions-runner)/
];
/** Toolchain images: an image built on one with no command of its own is a build environment. */
const TOOLCHAIN_BASES = /^(?:docker\.io\/)?(?:library\/)?(?:golang|rust|gcc|maven|gradle|buildpack-deps)(?::|$)|^mcr\.microsoft\.com\/dotnet\/sdk(?::|$)/;
function words(text) {
    return text.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== '');
}
const environmentWord = (name) => words(name).find((w) => ENVIRONMENT_WORDS.has(w));
/** `Dockerfile.dev`, `dev.Dockerfile`, `ci.Dockerfile`, `Dockerfile.test`: the file name's own words. */
function fileNameWord(path) {
    const name = path.split('/').pop() ?? '';
    return environmentWord(name.replace(/dockerfile|containerfile/gi, ' '));
}
/** The stage and the stages it is built FROM, target first. */
function chainOf(model, index) {
    const chain = [];
    const seen = new Set();
    for (let s = model.stages[index]; s !== undefined && !seen.has(s.index); s = s.base.stage === null ? undefined : model.stages[s.base.stage]) {
        seen.add(s.index);
        chain.push(s);
    }
    return chain;
}
const RUNTIME_KEYWORDS = new Set(['CMD', 'ENTRYPOINT', 'EXPOSE', 'HEALTHCHECK']);
function decidePurpose(model, target, facts) {
    const stage = model.stages[target];
    if (stage === undefined)
        return { purpose: 'runtime', because: 'the file has no stage' };
    const targetWord = facts.targetName === undefined || facts.targetName === null ? undefined : environmentWord(facts.targetName);
    if (targetWord !== undefined)
        return { purpose: 'environment', because: `the target is named "${facts.targetName}"` };
    const stageWord = stage.name === null ? undefined : environmentWord(stage.name);
    if (stageWord !== undefined)
        return { purpose: 'environment', because: `the stage is named "${stage.name}"` };
    if (facts.service !== undefined && (facts.service.ports || facts.service.command)) {
        return { purpose: 'runtime', because: `compose service "${facts.service.name}" (${facts.service.source}) runs it${facts.service.ports ? ' with published ports' : ''}` };
    }
    const folder = facts.path.split('/').slice(0, -1).find((segment) => ENVIRONMENT_FOLDERS.has(segment.toLowerCase()));
    if (folder !== undefined)
        return { purpose: 'environment', because: `it lives under "${folder}/"` };
    const fileWord = fileNameWord(facts.path);
    if (fileWord !== undefined)
        return { purpose: 'environment', because: `the file is named "${facts.path.split('/').pop() ?? ''}"` };
    const chain = chainOf(model, target);
    const root = chain[chain.length - 1];
    const base = root.base.kind === 'image' ? (root.base.resolved ?? '').toLowerCase() : '';
    if (ENVIRONMENT_BASES.some((re) => re.test(base)))
        return { purpose: 'environment', because: `it is built on "${root.base.resolved}", a development image` };
    const runs = chain.some((s) => s.instructions.some((i) => RUNTIME_KEYWORDS.has(i.keyword)));
    if (!runs && root.base.kind === 'scratch' && chain.every((s) => s.instructions.every((i) => i.keyword === 'FROM' || i.keyword === 'COPY' || i.keyword === 'ADD' || i.keyword === 'ARG' || i.keyword === 'LABEL'))) {
        return { purpose: 'environment', because: 'it only collects files on scratch (an export of build outputs, no command)' };
    }
    if (!runs && TOOLCHAIN_BASES.test(base))
        return { purpose: 'environment', because: `it is built on the toolchain "${root.base.resolved}" and sets no command of its own` };
    return { purpose: 'runtime', because: 'it is the image that is built' };
}

;// CONCATENATED MODULE: ./src/graph/graph.ts

/** BuildKit's rule for stage names (after lower-casing). */
const STAGE_NAME = /^[a-z][a-z0-9\-_.]*$/;
function indexStages(stages) {
    const index = new Map();
    for (const s of stages) {
        if (s.id === null)
            continue;
        const list = index.get(s.id);
        if (list === undefined)
            index.set(s.id, [s.index]);
        else
            list.push(s.index);
    }
    return index;
}
/** Position of the first index in the ascending list that is >= value. */
function lowerBound(list, value) {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid] < value)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
/** What `--from=value` in stage `current` refers to, as BuildKit resolves it. */
function resolveReference(value, current, stages, byName, line, findings, what) {
    if (/^[0-9]+$/.test(value)) {
        const index = Number(value);
        if (index >= stages.length) {
            findings.push({ kind: 'stage-index-out-of-range', line, stage: current, what, value, index, stageCount: stages.length });
            return { kind: 'invalid' };
        }
        return checkOrder(index, current, line, findings, what, value);
    }
    const same = byName.get(value.toLowerCase()) ?? [];
    const at = lowerBound(same, current);
    // A stage naming itself is a mistake even when an earlier stage has the name too; else the
    // nearest earlier stage of that name wins; only later ones are a mistake.
    if (same[at] === current)
        return checkOrder(current, current, line, findings, what, value);
    if (at > 0)
        return { kind: 'stage', index: same[at - 1] };
    const later = same[at];
    if (later !== undefined)
        return checkOrder(later, current, line, findings, what, value);
    return { kind: 'image', image: value };
}
function checkOrder(index, current, line, findings, what, value) {
    if (index === current) {
        findings.push({ kind: 'stage-self-reference', line, stage: current, what, value });
        return { kind: 'invalid' };
    }
    if (index > current) {
        findings.push({ kind: 'stage-forward-reference', line, stage: current, what, value, to: index });
        return { kind: 'invalid' };
    }
    return { kind: 'stage', index };
}
function checkNames(stages, findings) {
    const seen = new Map();
    for (const stage of stages) {
        if (stage.id === null)
            continue;
        if (!STAGE_NAME.test(stage.id)) {
            findings.push({ kind: 'invalid-stage-name', line: stage.line, stage: stage.index, name: stage.name ?? stage.id });
        }
        const first = seen.get(stage.id);
        if (first !== undefined) {
            findings.push({ kind: 'duplicate-stage-name', line: stage.line, stage: stage.index, name: stage.name ?? stage.id, firstLine: first.line });
        }
        else
            seen.set(stage.id, stage);
    }
}
/** The values BuildKit gives the platform arguments on the platforms people build for. */
const PLATFORM_VALUES = {
    TARGETOS: ['linux', 'windows', 'darwin', 'freebsd'],
    BUILDOS: ['linux', 'windows', 'darwin', 'freebsd'],
    TARGETARCH: ['amd64', 'arm64', 'arm', '386', 'ppc64le', 's390x', 'riscv64', 'mips64le', 'mips64', 'loong64'],
    BUILDARCH: ['amd64', 'arm64', 'arm', '386', 'ppc64le', 's390x', 'riscv64', 'mips64le', 'mips64', 'loong64'],
    TARGETVARIANT: ['', 'v5', 'v6', 'v7', 'v8'],
    BUILDVARIANT: ['', 'v5', 'v6', 'v7', 'v8']
};
const PLATFORM_REFERENCE = /\$(?:\{([A-Z]+)\}|([A-Z]+))/g;
/**
 * `FROM binary-${TARGETOS}` picks a stage per platform: on Windows it is `binary-windows`. The
 * earlier stages it can name on other platforms than the runner's (only when every variable in
 * the word is a platform argument).
 */
function platformAlternatives(stage, byName) {
    const raw = stage.base.raw;
    if (!raw.includes('$'))
        return [];
    const names = [...raw.matchAll(PLATFORM_REFERENCE)].map((m) => (m[1] ?? m[2]));
    if (names.length === 0 || names.some((n) => PLATFORM_VALUES[n] === undefined) || raw.replace(PLATFORM_REFERENCE, '').includes('$'))
        return [];
    let words = [raw];
    for (const name of new Set(names))
        words = words.flatMap((w) => PLATFORM_VALUES[name].map((v) => w.replace(new RegExp(`\\$(?:\\{${name}\\}|${name}(?![A-Za-z0-9_]))`, 'g'), v)));
    const found = new Set();
    for (const word of words) {
        const same = byName.get(word.toLowerCase()) ?? [];
        const at = lowerBound(same, stage.index);
        if (at > 0)
            found.add(same[at - 1]);
    }
    found.delete(stage.base.stage ?? -1);
    return [...found].sort((a, b) => a - b);
}
function addFromEdge(stage, byName, edges, external, findings) {
    const base = stage.base;
    if (base.kind === 'stage' && base.stage !== null) {
        edges.push({ from: stage.index, to: base.stage, via: 'from', line: stage.line, paths: [] });
        for (const other of platformAlternatives(stage, byName))
            edges.push({ from: stage.index, to: other, via: 'from', line: stage.line, paths: [], otherPlatform: true });
        return;
    }
    if (base.kind !== 'image')
        return;
    // BuildKit only looks at earlier stages for FROM: `FROM node AS node` pulls node, and a
    // name defined later is pulled as an image too, which is never what the author meant.
    const id = base.resolved.toLowerCase();
    const same = byName.get(id) ?? [];
    const named = same[lowerBound(same, stage.index + 1)];
    if (named !== undefined && id !== '') {
        checkOrder(named, stage.index, stage.line, findings, 'FROM', base.resolved);
        return;
    }
    if (base.resolved !== '')
        external.push({ stage: stage.index, image: base.resolved, via: 'from', line: stage.line });
}
/** BuildKit rejects `--from=$X` (moby/buildkit#2412); Podman expands it, which hides the problem. */
function fromVariable(what, value, line, stage) {
    return { kind: 'copy-from-variable', line, stage, what, value };
}
function addInstructionEdges(stage, instruction, stages, byName, edges, external, findings) {
    const copy = instruction.copy;
    if (copy !== undefined && copy.from !== null && copy.from !== '') {
        const what = `${instruction.keyword} --from`;
        if (copy.from.includes('$')) {
            findings.push(fromVariable(what, copy.from, instruction.line, stage.index));
            return;
        }
        const target = resolveReference(copy.from, stage.index, stages, byName, instruction.line, findings, what);
        if (target.kind === 'stage')
            edges.push({ from: stage.index, to: target.index, via: 'copy', line: instruction.line, paths: copy.sources });
        else if (target.kind === 'image')
            external.push({ stage: stage.index, image: target.image, via: 'copy', line: instruction.line });
        return;
    }
    for (const mount of instruction.run?.mounts ?? []) {
        if (mount.from === null || mount.from === '')
            continue;
        if (mount.from.includes('$')) {
            findings.push(fromVariable('RUN --mount from', mount.from, mount.line, stage.index));
            continue;
        }
        const target = resolveReference(mount.from, stage.index, stages, byName, mount.line, findings, 'RUN --mount from');
        if (target.kind === 'stage')
            edges.push({ from: stage.index, to: target.index, via: 'mount', line: mount.line, paths: [mount.source ?? '/'] });
        else if (target.kind === 'image')
            external.push({ stage: stage.index, image: target.image, via: 'mount', line: mount.line });
    }
}
function pickTarget(stages, requested, findings) {
    if (stages.length === 0)
        return null;
    const last = stages.length - 1;
    if (requested === undefined || requested === null || requested === '')
        return last;
    const id = requested.toLowerCase();
    const match = stages.find((s) => s.id === id);
    if (match !== undefined)
        return match.index;
    findings.push({ kind: 'unknown-target', line: 1, stage: null, requested });
    return last;
}
/** Stronger roles win when several builds need a stage. */
const ROLE_RANK = { ships: 3, environment: 2, build: 1, unused: 0 };
function assignRoles(stageCount, edges, targets, anyTarget) {
    const roles = new Array(stageCount).fill('unused');
    const out = Array.from({ length: stageCount }, () => []);
    for (const e of edges)
        out[e.from]?.push(e);
    const raise = (s, role) => {
        if (ROLE_RANK[roles[s]] >= ROLE_RANK[role])
            return false;
        roles[s] = role;
        return true;
    };
    for (const target of targets) {
        // The FROM chain of the target is in the image: it ships, or it is the environment.
        const role = target.purpose === 'runtime' ? 'ships' : 'environment';
        // Every FROM edge: a stage chosen per platform ships on that platform.
        const seen = new Set();
        const chain = [target.stage];
        while (chain.length > 0) {
            const s = chain.pop();
            if (seen.has(s))
                continue;
            seen.add(s);
            raise(s, role);
            for (const e of out[s] ?? [])
                if (e.via === 'from')
                    chain.push(e.to);
        }
    }
    // Everything else reachable from a built stage is a build stage; with an unknown target, any stage may be.
    const queue = roles.flatMap((r, i) => (r !== 'unused' ? [i] : []));
    while (queue.length > 0) {
        const s = queue.pop();
        for (const e of out[s] ?? [])
            if (raise(e.to, 'build'))
                queue.push(e.to);
    }
    if (anyTarget)
        for (let s = 0; s < stageCount; s++)
            raise(s, 'build');
    return roles;
}
/** Every stage a target needs (itself, its FROM chain, and what they copy or mount, transitively), ascending. */
function neededBy(stage, out) {
    const seen = new Set([stage]);
    const queue = [stage];
    while (queue.length > 0) {
        const s = queue.pop();
        for (const e of out[s] ?? []) {
            if (seen.has(e.to))
                continue;
            seen.add(e.to);
            queue.push(e.to);
        }
    }
    return [...seen].sort((a, b) => a - b);
}
/** The builds asked for, resolved to stages (unknown names reported once) with their purposes; one per stage. */
function resolveTargets(model, options, findings) {
    const stages = model.stages;
    if (stages.length === 0)
        return [];
    const requests = options.targets !== undefined && options.targets.length > 0 ? options.targets : [{ name: options.target ?? null }];
    const byStage = new Map();
    const reported = new Set();
    for (const request of requests) {
        const stage = pickTarget(stages, request.name, reported.has(request.name ?? '') ? [] : findings);
        if (request.name !== null)
            reported.add(request.name);
        const builtBy = request.builtBy === undefined ? [] : [request.builtBy];
        const known = byStage.get(stage);
        if (known !== undefined) {
            known.builtBy.push(...builtBy.filter((b) => !known.builtBy.includes(b)));
            // A runtime build of the same stage outweighs an environment one.
            if (request.purpose === 'runtime' && known.purpose !== 'runtime')
                Object.assign(known, { purpose: 'runtime', because: request.because ?? known.because });
            continue;
        }
        const configured = options.configuredPurpose?.(request.name ?? stages[stage]?.name ?? null) ?? null;
        const decided = configured !== null
            ? { purpose: configured, because: 'the configuration says so (images: in .stagecraft.yml)' }
            : request.purpose !== undefined
                ? { purpose: request.purpose, because: request.because ?? 'configured' }
                : decidePurpose(model, stage, { path: options.path ?? '', targetName: request.name, service: request.service });
        byStage.set(stage, { stage, ...decided, builtBy });
    }
    return [...byStage.values()];
}
/** The graph's edges grouped by the stage that depends (index = stage), for per-stage loops in linear time. */
function edgesByStage(graph, stageCount) {
    const grouped = Array.from({ length: stageCount }, () => []);
    for (const e of graph.edges)
        grouped[e.from]?.push(e);
    return grouped;
}
/** Finds the COPY --from edge an instruction made, by its stage and line, in constant time. */
function copyEdgeFinder(graph) {
    const byInstruction = new Map(graph.edges.filter((e) => e.via === 'copy').map((e) => [`${e.from}:${e.line}`, e]));
    return (stage, line) => byInstruction.get(`${stage}:${line}`);
}
function buildStageGraph(model, options = {}) {
    const stages = model.stages;
    const edges = [];
    const external = [];
    const findings = [];
    checkNames(stages, findings);
    const byName = indexStages(stages);
    for (const stage of stages) {
        addFromEdge(stage, byName, edges, external, findings);
        for (const instruction of stage.instructions)
            addInstructionEdges(stage, instruction, stages, byName, edges, external, findings);
    }
    const targets = resolveTargets(model, options, findings);
    if (targets.length > 1) {
        const out = Array.from({ length: stages.length }, () => []);
        for (const e of edges)
            out[e.from]?.push(e);
        for (const t of targets)
            t.needs = neededBy(t.stage, out);
    }
    const anyTarget = options.anyTarget === true;
    const target = (targets.find((t) => t.purpose === 'runtime') ?? targets[0])?.stage ?? null;
    return { edges, external, target, targets, anyTarget, roles: assignRoles(stages.length, edges, targets, anyTarget), problems: findings };
}

;// CONCATENATED MODULE: ./src/parse/paths.ts
/**
 * `a/b///` → `a/b`. A loop, not `/\/+$/`: that regex restarts at every slash of a long run
 * and takes quadratic time on `////…x` (a 20,000-slash path took a second).
 */
function trimTrailingSlashes(path) {
    let end = path.length;
    while (end > 0 && path.charCodeAt(end - 1) === 47)
        end--;
    return end === path.length ? path : path.slice(0, end);
}
/** Container paths: joins a WORKDIR onto the current one, as Docker does (relative paths append, `..` pops). */
function joinPath(base, next) {
    const path = next.startsWith('/') ? next : `${trimTrailingSlashes(base)}/${next}`;
    const parts = [];
    for (const part of path.split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..')
            parts.pop();
        else
            parts.push(part);
    }
    return `/${parts.join('/')}`;
}

;// CONCATENATED MODULE: ./src/parse/shell.ts
/** Programs that run the command after them, with their options that take a value (`sudo -u app npm ci` runs npm). */
const WRAPPERS = new Map([
    ['sudo', new Set(['-u', '--user', '-g', '--group', '-C', '--close-from', '-D', '--chdir', '-h', '--host', '-p', '--prompt', '-r', '--role', '-t', '--type', '-U', '--other-user', '-T', '--command-timeout'])],
    ['env', new Set(['-u', '--unset', '-C', '--chdir', '-S', '--split-string'])],
    ['exec', new Set(['-a'])],
    ['time', new Set(['-f', '--format', '-o', '--output'])],
    ['nice', new Set(['-n', '--adjustment'])],
    ['nohup', new Set()],
    ['command', new Set()]
]);
/** Shell words with quotes and escapes removed. Plain words are sliced, not built a character at a time. */
function shell_words(segment) {
    const out = [];
    let current = '';
    let quote = '';
    let has = false;
    // Start of the plain run not yet copied into `current`.
    let plain = 0;
    const flush = (i) => {
        if (i > plain)
            current += segment.slice(plain, i);
    };
    for (let i = 0; i < segment.length; i++) {
        const c = segment.charCodeAt(i);
        if (quote !== '') {
            if (c === quote.charCodeAt(0)) {
                flush(i);
                quote = '';
                plain = i + 1;
            }
            else if (c === 92 /* \ */ && quote === '"' && i + 1 < segment.length) {
                flush(i);
                plain = ++i;
            }
            continue;
        }
        if (c === 34 /* " */ || c === 39 /* ' */) {
            flush(i);
            quote = segment[i];
            has = true;
            plain = i + 1;
        }
        else if (c === 92 && i + 1 < segment.length) {
            flush(i);
            has = true;
            plain = ++i;
        }
        else if (c === 32 || c === 9 || c === 10 || c === 13) {
            flush(i);
            if (has || current !== '')
                out.push(current);
            current = '';
            has = false;
            plain = i + 1;
        }
        else {
            has = true;
        }
    }
    flush(segment.length);
    if (has || current !== '')
        out.push(current);
    return out;
}
function toCommand(segment, piped) {
    const list = shell_words(segment);
    let i = 0;
    while (i < list.length) {
        const w = list[i];
        const valued = WRAPPERS.get(w);
        if (valued !== undefined) {
            i++;
            while (i < list.length && list[i].startsWith('-'))
                i += valued.has(list[i]) ? 2 : 1;
        }
        else if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(w) || w === '(' || w === '{' || w === '!')
            i++;
        // A leading redirection (`5<<EOF cat`, `>out echo`) is not the program.
        else if (/^\d*(?:<<-?|<|>>?)/.test(w))
            i += /^\d*(?:<<-?|<|>>?)$/.test(w) ? 2 : 1;
        else
            break;
    }
    // Strip a leading subshell paren glued to the program name: (cd x
    let name = list[i];
    if (name === undefined)
        return null;
    name = name.replace(/^[({]+/, '');
    if (name === '' || name === 'then' || name === 'do' || name === 'else') {
        return toCommand(list.slice(i + 1).join(' '), piped);
    }
    const args = list.slice(i + 1);
    return { name, args, piped, program: name.slice(name.lastIndexOf('/') + 1), subcommand: args.find((a) => !a.startsWith('-')) ?? '' };
}
/** Splits a shell script into simple commands. */
function splitCommands(script) {
    const commands = [];
    let start = 0;
    let quote = '';
    const push = (end, piped) => {
        const command = toCommand(script.slice(start, end), piped);
        if (command !== null)
            commands.push(command);
    };
    for (let i = 0; i < script.length; i++) {
        const c = script[i];
        if (quote !== '') {
            if (c === quote)
                quote = '';
            else if (c === '\\' && quote === '"')
                i++;
            continue;
        }
        if (c === '"' || c === "'")
            quote = c;
        else if (c === '\\')
            i++;
        else if (c === '#' && (i === 0 || /\s/.test(script[i - 1]))) {
            // A comment runs to the end of the line.
            push(i, false);
            while (i < script.length && script[i] !== '\n')
                i++;
            start = i + 1;
        }
        else if (c === ';' || c === '\n') {
            push(i, false);
            start = i + 1;
        }
        else if ((c === '&' || c === '|') && script[i + 1] === c) {
            push(i, false);
            start = i + 2;
            i++;
        }
        else if (c === '|') {
            push(i, true);
            start = i + 1;
        }
        else if (c === '&') {
            push(i, false);
            start = i + 1;
        }
    }
    push(script.length, false);
    return commands;
}
/** The shell text a RUN executes: its heredoc bodies when it runs one, else its arguments. */
function runScript(run) {
    if (run.form === 'json')
        return (run.json ?? []).join(' ');
    const line = run.args.filter((a) => !a.startsWith('<<')).join(' ');
    // `RUN <<EOF` and `RUN bash <<EOF` run their body as shell; `RUN python3 <<EOF` or
    // `RUN cat <<EOF > /etc/x` do not, so only the line itself counts then.
    const shellBody = run.heredocs.length > 0 && /^(?:(?:\/usr)?\/bin\/)?(?:ba|da|z)?sh(?:\s+-[a-z]+)*\s*$|^$/.test(line);
    const body = shellBody ? run.heredocs.map((h) => h.content).join('\n') : '';
    return shellBody ? body : line;
}
/** A RUN's commands, split once by the parser; none for other instructions. */
function runCommands(run) {
    return run.run?.commands ?? [];
}
/** `apt-get install -y a b` → the package words (no options). */
function operands(command, from = 0) {
    return command.args.slice(from).filter((a) => !a.startsWith('-'));
}
const isWordChar = (c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
/**
 * The variables a shell script reads from its environment: `$X` and `${X}` outside single quotes
 * and not escaped, without a fallback (`${X:-d}`), and not set by the script itself first
 * (`X=…`, `export X=…`, `for X in`, `read X`). One pass over the text, then one check per name.
 */
function environmentReads(script) {
    const names = new Set();
    let quote = 0;
    for (let i = 0; i < script.length; i++) {
        const c = script.charCodeAt(i);
        if (quote === 39) {
            if (c === 39)
                quote = 0;
            continue;
        }
        if (c === 92 /* \ */) {
            i++;
            continue;
        }
        if (c === 39 && quote === 0)
            quote = 39;
        else if (c === 34)
            quote = quote === 34 ? 0 : 34;
        else if (c === 36 /* $ */) {
            const braced = script.charCodeAt(i + 1) === 123;
            let j = braced ? i + 2 : i + 1;
            const start = j;
            const first = script.charCodeAt(j);
            if (!(first === 95 || (first >= 65 && first <= 90) || (first >= 97 && first <= 122)))
                continue;
            while (j < script.length && isWordChar(script.charCodeAt(j)))
                j++;
            const after = script[j] ?? '';
            if (!braced || !'-+?=:'.includes(after) || after === '')
                names.add(script.slice(start, j));
            i = j - 1;
        }
    }
    if (names.size === 0)
        return [];
    const assigned = assignedNames(script);
    return [...names].filter((n) => !assigned.has(n));
}
const DECLARES = new Set(['for', 'export', 'local', 'declare', 'typeset', 'readonly', 'read']);
/** Words, and the command separators kept as tokens of their own (a declaration ends at one). */
const TOKENS = /([;&|()\n]+)|[ \t\r]+/;
/** Names the script gives a value of its own: `N=…`, `export N`, `local N`, `for N in`, `read -r A B`. Linear. */
function assignedNames(script) {
    const out = new Set();
    let declaring = false;
    for (const token of script.split(TOKENS)) {
        if (token === undefined || token === '')
            continue;
        if (/^[;&|()\n]/.test(token)) {
            declaring = false;
            continue;
        }
        const eq = token.indexOf('=');
        const name = eq > 0 ? token.slice(0, eq) : token;
        if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && (eq > 0 || (declaring && !DECLARES.has(token))))
            out.add(name);
        if (DECLARES.has(token))
            declaring = true;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/parse/packages.ts
/** Which packages a RUN installs, by package manager: system (apt, apk, dnf...) and language (pip, npm, gem...). */

const SYSTEM_MANAGERS = new Set(['apt', 'apk', 'dnf', 'yum', 'microdnf']);
/** `apt-get install` or `/usr/bin/apt-get install`; with no subcommands given, any use of the program. */
function isCommand(c, name, ...sub) {
    return c.program === name && (sub.length === 0 || sub.includes(c.subcommand));
}
/** Options of these managers that take a value, so the value is not a package. */
const VALUED_OPTIONS = {
    apk: new Set(['--virtual', '-t', '--repository', '-X', '--root', '-p', '--arch']),
    pip: new Set(['-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '-t', '--target', '--prefix', '--root', '--platform', '--python-version', '--only-binary', '--no-binary', '--trusted-host']),
    npm: new Set(['--prefix', '--registry', '-w', '--workspace', '--omit', '--include']),
    gem: new Set(['-v', '--version', '-i', '--install-dir', '-n', '--bindir', '--source'])
};
/** Words after `from` that are neither options nor the values of valued options. */
function packageWords(args, valued) {
    const out = [];
    for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (valued.has(a))
            i++;
        else if (!a.startsWith('-'))
            out.push(a);
    }
    return out;
}
/** The arguments after `pip`, `pip3`, `python -m pip`, or null when the command is not pip. */
function pipArgs(c) {
    if (/^(?:.*\/)?pip[0-9.]*$/.test(c.name))
        return c.args;
    if (/^(?:.*\/)?python[0-9.]*$/.test(c.name) && c.args[0] === '-m' && /^pip[0-9.]*$/.test(c.args[1] ?? ''))
        return c.args.slice(2);
    return null;
}
function pipInstall(c) {
    const args = pipArgs(c);
    if (args === null)
        return null;
    const i = args.findIndex((a) => !a.startsWith('-'));
    if (args[i] !== 'install')
        return null;
    const rest = args.slice(i + 1);
    const files = rest.flatMap((a, j) => ((a === '-r' || a === '--requirement') && rest[j + 1] !== undefined ? [`(${rest[j + 1]})`] : a.startsWith('--requirement=') ? [`(${a.slice(14)})`] : []));
    return [...packageWords(rest, VALUED_OPTIONS.pip), ...files];
}
/** npm/yarn/pnpm: named packages, or `(package.json)` for installing a project's dependencies. */
function nodeInstall(c) {
    const valued = VALUED_OPTIONS.npm;
    for (const manager of ['npm', 'pnpm', 'yarn']) {
        if (!isCommand(c, manager))
            continue;
        const words = packageWords(c.args, valued);
        const sub = words[0];
        if (manager === 'yarn' && (sub === undefined || sub === 'install'))
            return { manager, packages: ['(package.json)'] };
        if (manager === 'npm' && sub === 'ci')
            return { manager, packages: ['(package.json)'] };
        if (manager === 'pnpm' && (sub === 'install' || sub === 'i') && words.length === 1)
            return { manager, packages: ['(package.json)'] };
        const installs = manager === 'npm' ? ['install', 'i', 'add'] : manager === 'pnpm' ? ['add', 'install', 'i'] : ['add'];
        if (sub === undefined || !installs.includes(sub))
            return null;
        if (manager === 'yarn' && words[1] === 'global')
            return { manager, packages: words.slice(2) };
        return { manager, packages: words.length === 1 ? ['(package.json)'] : words.slice(1) };
    }
    return null;
}
/** The arguments after the subcommand (`apk --no-cache add x` → `x`). */
function afterSubcommand(c) {
    return c.args.slice(c.args.findIndex((a) => !a.startsWith('-')) + 1);
}
/** A RUN's package installs, read once by the parser; none for other instructions. */
function runInstalls(run) {
    return run.run?.installs ?? [];
}
/** Every package install in a RUN's commands, in order. */
function packageInstalls(commands) {
    const found = [];
    for (const c of commands) {
        if (isCommand(c, 'apt-get', 'install') || isCommand(c, 'apt', 'install'))
            found.push({ manager: 'apt', packages: operands(c).slice(1), command: c });
        else if (isCommand(c, 'apk', 'add'))
            found.push({ manager: 'apk', packages: packageWords(afterSubcommand(c), VALUED_OPTIONS.apk), command: c });
        else if (isCommand(c, 'dnf', 'install') || isCommand(c, 'yum', 'install') || isCommand(c, 'microdnf', 'install')) {
            found.push({ manager: c.program, packages: operands(c).slice(1), command: c });
        }
        else if (isCommand(c, 'gem', 'install'))
            found.push({ manager: 'gem', packages: packageWords(afterSubcommand(c), VALUED_OPTIONS.gem), command: c });
        else {
            const pip = pipInstall(c);
            if (pip !== null) {
                found.push({ manager: 'pip', packages: pip, command: c });
                continue;
            }
            const node = nodeInstall(c);
            if (node !== null)
                found.push({ ...node, command: c });
        }
    }
    return found;
}

;// CONCATENATED MODULE: ./src/parse/secrets.ts
/**
 * Which ARG/ENV names and values look like they hold secrets, and why. Names are split on `_`
 * (BuildKit's word list); values are judged only to tell public material (URLs, paths, GPG
 * fingerprints) from real credentials (known token prefixes, long random strings). Values are
 * never quoted back: a finding says what made it look secret, not the secret.
 */
const SENSITIVE = new Set(['apikey', 'auth', 'credential', 'credentials', 'key', 'password', 'pword', 'passwd', 'secret', 'token']);
/**
 * BuildKit exempts public, file and version. GPG/PGP key ids and fingerprints are public too
 * (GPG_KEY in the official images); url, path, dir, host, … name where a secret is, not the
 * secret (GPG_KEY_URL, SSL_KEY_PATH); name, type, ttl, … describe it (KEY_NAME, AUTH_TYPE, TOKEN_TTL).
 */
const EXEMPT = new Set([
    'public', 'pub', 'file', 'files', 'version', 'gpg', 'pgp', 'fingerprint',
    'url', 'uri', 'path', 'dir', 'host', 'endpoint', 'server',
    'name', 'type', 'header', 'ttl', 'timeout', 'expiry', 'length', 'size', 'enabled', 'disabled', 'required'
]);
/** Words whose value is the secret itself, so even a number is one (`REDIS_PASSWORD=123456`). */
const SECRET_ITSELF = new Set(['password', 'pword', 'passwd', 'secret', 'token', 'apikey']);
const secrets_words = (name) => name.toLowerCase().split('_');
/** A sensitive word among the name's `_`-separated parts, exemptions not considered. */
function hasSecretWord(name) {
    return secrets_words(name).some((t) => SENSITIVE.has(t));
}
/** Secret-looking by name as the secrets-in-arg-env rule judges it: a sensitive word and no exempt one. */
function looksSecret(name) {
    const tokens = secrets_words(name);
    return tokens.some((t) => SENSITIVE.has(t)) && !tokens.some((t) => EXEMPT.has(t));
}
/**
 * .NET hierarchical configuration (`Section__0__Key=ProcessId` next to `Section__0__Value=1`):
 * `Key` is the name half of a key/value pair, not a secret.
 */
function isConfigPairKey(name, siblings) {
    const cut = name.lastIndexOf('__');
    if (cut < 0 || name.slice(cut + 2).toLowerCase() !== 'key')
        return false;
    const prefix = name.slice(0, cut);
    if (hasSecretWord(prefix.replace(/__/g, '_')))
        return false;
    return ['__Value', '__value', '__VALUE'].some((v) => siblings.has(prefix + v));
}
const secrets_URL = /^[a-z][a-z0-9+.-]*:\/\//i;
/** `scheme://user:password@host`: a URL that carries a credential. */
const URL_WITH_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^/@\s:]*:[^/@\s]+@/i;
const PATH = /^(?:\/|\.\.?\/|~\/|[A-Za-z]:\\)/;
const FLAG = /^(?:true|false|yes|no|on|off|none|null|nil)$/i;
const NUMBER = /^-?\d+(?:\.\d+)*$/;
const HEX = /^[0-9A-Fa-f]+$/;
/** Name words of signing keys, whose values are key ids (`RELEASE_KEY`, `SIGNING_KEYS`, `KEYSERVER_KEY`). */
const SIGNING_WORDS = new Set(['signing', 'release', 'releases', 'maintainer', 'maintainers', 'keyserver', 'keyring', 'keyid', 'keys']);
/**
 * One or more GPG key ids or fingerprints. The 4-digit groups gpg prints and `0x` key ids are
 * unmistakable; bare 40- or 16-digit hex only under a signing-key name, since API keys and
 * licence keys are often 40 hex digits too.
 */
function isFingerprintList(name, value) {
    const raw = value.split(/[\s,]+/).filter((p) => p !== '');
    const parts = raw.map((p) => (p.startsWith('0x') ? p.slice(2) : p));
    if (parts.length === 0 || !parts.every((p) => HEX.test(p)))
        return false;
    if (parts.every((p) => p.length === 4))
        return parts.length % 10 === 0;
    if (!parts.every((p) => p.length === 40 || p.length === 16))
        return false;
    return raw.every((p) => p.startsWith('0x')) || secrets_words(name).some((t) => SIGNING_WORDS.has(t));
}
/**
 * Whether a value is public material whatever its name says: a URL without a password in it,
 * a path, a flag, a number (unless the name says password, token or secret), or (when `key`
 * is the only sensitive word) GPG key ids and fingerprints.
 */
function isPublicValue(name, value) {
    const v = value.trim();
    if (secrets_URL.test(v))
        return !URL_WITH_PASSWORD.test(v);
    if (PATH.test(v) || FLAG.test(v))
        return true;
    const sensitive = secrets_words(name).filter((t) => SENSITIVE.has(t));
    if (NUMBER.test(v))
        return !sensitive.some((t) => SECRET_ITSELF.has(t));
    return sensitive.every((t) => t === 'key') && v.length <= 4096 && isFingerprintList(name, v);
}
/** Token formats that are credentials whatever the variable is called. */
const KNOWN_TOKENS = [
    [/^gh[pousr]_[A-Za-z0-9]{36,}$/, 'a GitHub token (ghp_…)'],
    [/^github_pat_[A-Za-z0-9_]{22,}$/, 'a GitHub token (github_pat_…)'],
    [/^glpat-[A-Za-z0-9_-]{20,}$/, 'a GitLab token (glpat-…)'],
    [/^(?:AKIA|ASIA)[0-9A-Z]{16}$/, 'an AWS access key id (AKIA…)'],
    [/^xox[abposr]-[A-Za-z0-9-]{10,}$/, 'a Slack token (xox…)'],
    [/^(?:sk|rk)_live_[A-Za-z0-9]{20,}$/, 'a Stripe secret key (sk_live_…)'],
    [/^sk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}$/, 'an API secret key (sk-…)'],
    [/^AIza[0-9A-Za-z_-]{35}$/, 'a Google API key (AIza…)'],
    [/^npm_[A-Za-z0-9]{36}$/, 'an npm token (npm_…)'],
    [/^pypi-[A-Za-z0-9_-]{50,}$/, 'a PyPI token (pypi-…)'],
    [/^SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}$/, 'a SendGrid key (SG.…)'],
    [/^eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*$/, 'a JSON web token (eyJ…)'],
    [/^-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----/, 'a private key (-----BEGIN … PRIVATE KEY-----)']
];
/** What a value looks like when it has a known credential format, or null. */
function knownCredential(value) {
    const v = value.trim();
    if (v.length < 16)
        return null;
    for (const [format, what] of KNOWN_TOKENS)
        if (format.test(v.slice(0, 4096)))
            return what;
    return null;
}
const TOKEN_CHARS = /^[A-Za-z0-9+/=_.~-]+$/;
/**
 * A long random-looking string: 16 to 512 token characters mixing letters and digits, with
 * enough distinct characters (Shannon entropy ≥ 3 bits per character) to be generated rather
 * than typed. Versions, words and paths fail one of these.
 */
function looksRandom(value) {
    const v = value.trim();
    // `1.2.3-alpine3.20` is a version, not a token.
    if (v.length < 16 || v.length > 512 || !TOKEN_CHARS.test(v) || secrets_URL.test(v) || PATH.test(v) || /\d\.\d/.test(v))
        return false;
    const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((c) => c.test(v)).length;
    if (classes < 2 || !/[0-9]/.test(v))
        return false;
    const counts = new Map();
    for (const c of v)
        counts.set(c, (counts.get(c) ?? 0) + 1);
    let entropy = 0;
    for (const n of counts.values())
        entropy -= (n / v.length) * Math.log2(n / v.length);
    return entropy >= 3;
}

;// CONCATENATED MODULE: ./src/parse/variables.ts
/**
 * Variables as BuildKit sees them: ARG and ENV bindings in scope, and the expansion it
 * applies to non-RUN instructions ($VAR, ${VAR}, ${VAR:-x}, ${VAR:+x}, ...), with quote
 * removal. Pure and linear in the input: a single left-to-right scan, no regular expressions
 * that could backtrack.
 */
/**
 * All bindings ever made along one line of instructions, each with the version it was made at.
 * A scope is (table, version): it sees the bindings made at or before its version. Extending
 * the newest scope appends in place (O(1)); extending an older one (a second stage built FROM
 * the same stage) first copies what that scope sees. So 20,000 ENV lines cost 20,000 appends,
 * not 20,000 copies of a growing map.
 */
class BindingTable {
    frozen;
    entries = new Map();
    version = 0;
    constructor(frozen = false) {
        this.frozen = frozen;
    }
}
class VersionedScope {
    table;
    version;
    constructor(table, version) {
        this.table = table;
        this.version = version;
    }
    get(name) {
        const entry = this.table.entries.get(name);
        if (entry === undefined)
            return undefined;
        const { versions, bindings } = entry;
        let hi = versions.length - 1;
        if (versions[hi] <= this.version)
            return bindings[hi];
        let lo = 0;
        if (versions[0] > this.version)
            return undefined;
        // The last binding made at or before this version.
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (versions[mid] <= this.version)
                lo = mid;
            else
                hi = mid - 1;
        }
        return bindings[lo];
    }
    has(name) {
        return this.get(name) !== undefined;
    }
    keys() {
        const names = [];
        for (const [name, entry] of this.table.entries)
            if (entry.versions[0] <= this.version)
                names.push(name);
        return names;
    }
}
const EMPTY_SCOPE = new VersionedScope(new BindingTable(true), 0);
/**
 * BuildKit's automatic platform ARGs, with the values of a default builder on a GitHub-hosted
 * runner (linux/amd64), so `FROM base-$TARGETOS` finds its stage. They are in the global scope
 * (usable in FROM) and inside a stage after `ARG NAME`; `--build-arg` may override them here.
 * TARGETSTAGE depends on the build, so it has no value.
 */
const PLATFORM_ARG_VALUES = {
    BUILDPLATFORM: 'linux/amd64',
    BUILDOS: 'linux',
    BUILDARCH: 'amd64',
    BUILDVARIANT: '',
    TARGETPLATFORM: 'linux/amd64',
    TARGETOS: 'linux',
    TARGETARCH: 'amd64',
    TARGETVARIANT: '',
    TARGETSTAGE: null
};
const PLATFORM_ARGS = Object.keys(PLATFORM_ARG_VALUES);
/** Build args BuildKit accepts without an ARG declaration (proxies and BuildKit switches). */
const PREDEFINED_ARGS = (/* unused pure expression or super */ null && ([
    'HTTP_PROXY',
    'http_proxy',
    'HTTPS_PROXY',
    'https_proxy',
    'FTP_PROXY',
    'ftp_proxy',
    'NO_PROXY',
    'no_proxy',
    'ALL_PROXY',
    'all_proxy'
]));
/** The scope after one more binding; `scope` itself is unchanged. */
function withBinding(scope, name, binding) {
    let table;
    if (scope instanceof VersionedScope && !scope.table.frozen && scope.table.version === scope.version)
        table = scope.table;
    else {
        // Not the newest scope of its table: start a table with what this scope sees.
        table = new BindingTable();
        for (const key of scope.keys()) {
            const b = scope.get(key);
            table.entries.set(key, { versions: [0], bindings: [b] });
        }
    }
    table.version++;
    const entry = table.entries.get(name);
    if (entry === undefined)
        table.entries.set(name, { versions: [table.version], bindings: [binding] });
    else {
        entry.versions.push(table.version);
        entry.bindings.push(binding);
    }
    return new VersionedScope(table, table.version);
}
const isNameStart = (c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c === '_';
const isNameChar = (c) => isNameStart(c) || (c >= '0' && c <= '9');
/**
 * Expands variables in one word and removes quotes, like BuildKit's shell lexer for
 * COPY/ADD/ENV/ARG/FROM/WORKDIR/USER/... arguments.
 */
function expandWord(text, scope, escape = '\\', removeQuotes = true) {
    const state = { scope, escape, unresolved: [], malformed: false };
    const value = expandText(text, state, removeQuotes);
    return { value, unresolved: dedupe(state.unresolved), malformed: state.malformed };
}
/** The names a piece of text references, whether or not they are in scope. */
function referencedNames(text) {
    const names = [];
    // Jump from one `$` to the next: most text has none.
    for (let i = text.indexOf('$'); i >= 0; i = text.indexOf('$', i + 1)) {
        const next = text[i + 1] ?? '';
        if (next === '{') {
            let j = i + 2;
            while (j < text.length && isNameChar(text[j]))
                j++;
            if (j > i + 2)
                names.push(text.slice(i + 2, j));
        }
        else if (isNameStart(next)) {
            let j = i + 1;
            while (j < text.length && isNameChar(text[j]))
                j++;
            names.push(text.slice(i + 1, j));
        }
    }
    return dedupe(names);
}
/**
 * The names a text uses without a fallback: `$X`, `${X}`, `${X#pre}`..., but not `${X:-default}`,
 * `${X-default}`, `${X:+alt}` or `${X:?message}`, whose author already handles an unset X.
 */
function unguardedNames(text) {
    const names = [];
    for (let i = text.indexOf('$'); i >= 0; i = text.indexOf('$', i + 1)) {
        const next = text[i + 1] ?? '';
        if (next === '{') {
            let j = i + 2;
            while (j < text.length && isNameChar(text[j]))
                j++;
            const after = text[j] ?? '';
            const guarded = after === '-' || after === '+' || after === '?' || after === '=' || after === ':';
            if (j > i + 2 && !guarded)
                names.push(text.slice(i + 2, j));
        }
        else if (isNameStart(next)) {
            let j = i + 1;
            while (j < text.length && isNameChar(text[j]))
                j++;
            names.push(text.slice(i + 1, j));
        }
    }
    return dedupe(names);
}
function dedupe(names) {
    return names.length < 2 ? names : [...new Set(names)];
}
function lookup(name, state) {
    const binding = state.scope.get(name);
    return binding === undefined ? null : binding.value;
}
function expandText(text, state, removeQuotes) {
    let out = '';
    let quote = '';
    let i = 0;
    while (i < text.length) {
        const c = text[i];
        if (quote === "'") {
            if (c === "'") {
                quote = '';
                if (!removeQuotes)
                    out += c;
            }
            else
                out += c;
            i++;
            continue;
        }
        if (c === state.escape && i + 1 < text.length) {
            const next = text[i + 1];
            // Inside double quotes only the special characters are escapable, as in a shell.
            if (quote === '"' && next !== '"' && next !== '$' && next !== state.escape) {
                out += c + next;
            }
            else {
                out += removeQuotes ? next : c + next;
            }
            i += 2;
            continue;
        }
        if (c === '"' || c === "'") {
            if (quote === '')
                quote = c;
            else if (quote === c)
                quote = '';
            else {
                out += c;
                i++;
                continue;
            }
            if (!removeQuotes)
                out += c;
            i++;
            continue;
        }
        if (c === '$') {
            const consumed = expandDollar(text, i, state);
            out += consumed.value;
            i = consumed.end;
            continue;
        }
        out += c;
        i++;
    }
    return out;
}
/** Expands the `$...` at `start`; returns the text and the index after it. */
function expandDollar(text, start, state) {
    const next = text[start + 1] ?? '';
    if (isNameStart(next)) {
        let j = start + 1;
        while (j < text.length && isNameChar(text[j]))
            j++;
        const name = text.slice(start + 1, j);
        const value = lookup(name, state);
        if (value === null)
            state.unresolved.push(name);
        return { value: value ?? '', end: j };
    }
    if (next !== '{')
        return { value: '$', end: start + 1 };
    let j = start + 2;
    while (j < text.length && isNameChar(text[j]))
        j++;
    const name = text.slice(start + 2, j);
    const close = findClosingBrace(text, j, state.escape);
    if (name === '' || close < 0) {
        state.malformed = true;
        return { value: text.slice(start), end: text.length };
    }
    const value = lookup(name, state);
    const rest = text.slice(j, close);
    if (rest === '') {
        if (value === null)
            state.unresolved.push(name);
        return { value: value ?? '', end: close + 1 };
    }
    return { value: applyModifier(name, value, rest, state), end: close + 1 };
}
/** Index of the `}` closing a `${`, honouring nesting and escapes, or -1. */
function findClosingBrace(text, from, escape) {
    let depth = 1;
    for (let k = from; k < text.length; k++) {
        const c = text[k];
        if (c === escape) {
            k++;
            continue;
        }
        if (c === '$' && text[k + 1] === '{') {
            depth++;
            k++;
        }
        else if (c === '}') {
            depth--;
            if (depth === 0)
                return k;
        }
    }
    return -1;
}
function applyModifier(name, value, rest, state) {
    const word = (w) => expandText(w, state, true);
    const set = value !== null;
    const nonEmpty = set && value !== '';
    if (rest.startsWith(':-'))
        return nonEmpty ? (value) : word(rest.slice(2));
    if (rest.startsWith(':+'))
        return nonEmpty ? word(rest.slice(2)) : '';
    if (rest.startsWith(':?')) {
        if (!nonEmpty)
            state.unresolved.push(name);
        return value ?? '';
    }
    if (rest.startsWith('-'))
        return set ? (value) : word(rest.slice(1));
    if (rest.startsWith('+'))
        return set ? word(rest.slice(1)) : '';
    if (rest.startsWith('?')) {
        if (!set)
            state.unresolved.push(name);
        return value ?? '';
    }
    if (!set) {
        state.unresolved.push(name);
        return '';
    }
    const v = value;
    if (rest.startsWith('##'))
        return removePrefix(v, word(rest.slice(2)), true);
    if (rest.startsWith('#'))
        return removePrefix(v, word(rest.slice(1)), false);
    if (rest.startsWith('%%'))
        return removeSuffix(v, word(rest.slice(2)), true);
    if (rest.startsWith('%'))
        return removeSuffix(v, word(rest.slice(1)), false);
    if (rest.startsWith('/')) {
        const body = rest.slice(1);
        const slash = body.indexOf('/');
        const pattern = word(slash < 0 ? body : body.slice(0, slash));
        const replacement = slash < 0 ? '' : word(body.slice(slash + 1));
        return pattern === '' ? v : v.split(pattern).join(replacement);
    }
    state.malformed = true;
    return v;
}
/**
 * Glob match for `*` and `?` without backtracking blow-up: dynamic programming over the
 * two strings, O(pattern × text). Values in Dockerfiles are short.
 */
function globMatches(pattern, text) {
    let prev = new Array(text.length + 1).fill(false);
    prev[0] = true;
    for (let p = 0; p < pattern.length; p++) {
        const pc = pattern[p];
        const cur = new Array(text.length + 1).fill(false);
        if (pc === '*')
            cur[0] = prev[0];
        for (let t = 1; t <= text.length; t++) {
            if (pc === '*')
                cur[t] = prev[t] || cur[t - 1];
            else
                cur[t] = prev[t - 1] && (pc === '?' || pc === text[t - 1]);
        }
        prev = cur;
    }
    return prev[text.length];
}
function removePrefix(value, pattern, longest) {
    if (longest) {
        for (let n = value.length; n >= 0; n--)
            if (globMatches(pattern, value.slice(0, n)))
                return value.slice(n);
    }
    else {
        for (let n = 0; n <= value.length; n++)
            if (globMatches(pattern, value.slice(0, n)))
                return value.slice(n);
    }
    return value;
}
function removeSuffix(value, pattern, longest) {
    if (longest) {
        for (let n = 0; n <= value.length; n++)
            if (globMatches(pattern, value.slice(n)))
                return value.slice(0, n);
    }
    else {
        for (let n = value.length; n >= 0; n--)
            if (globMatches(pattern, value.slice(n)))
                return value.slice(0, n);
    }
    return value;
}

;// CONCATENATED MODULE: ./src/graph/image.ts
/**
 * What a reviewer wants to know about a file's stages and its shipped image, read off the
 * model and the stage graph: a row per stage, and the final image's base chain, settings, what
 * the shipping stages add to it and what stays behind in build stages. Pure.
 * Values of ARG/ENV never appear here, only names (a value may be a secret).
 */





function stageLabel(stage) {
    return stage.name ?? `stage ${stage.index}`;
}
/** The base as a reader wants it. A FROM built from a secret-looking variable shows as written, never expanded. */
function describeBase(stage, stages) {
    const b = stage.base;
    const platform = b.platform;
    if (b.kind === 'scratch')
        return { kind: 'scratch', label: 'scratch', image: null, tag: null, platform };
    if (b.kind === 'stage' && b.stage !== null)
        return { kind: 'stage', label: `stage ${stageLabel(stages[b.stage])}`, image: null, tag: null, platform };
    const secret = referencedNames(b.raw).some(hasSecretWord);
    if (b.image === null || b.unresolved.length > 0 || secret)
        return { kind: 'unknown', label: b.raw, image: null, tag: null, platform };
    return { kind: 'image', label: b.resolved, image: b.image, tag: b.tag, platform };
}
function describeStages(model, graph) {
    const edges = edgesByStage(graph, model.stages.length);
    const external = Array.from({ length: model.stages.length }, () => []);
    for (const x of graph.external)
        external[x.stage]?.push(x);
    return model.stages.map((stage) => {
        const dependsOn = [];
        const seen = new Set();
        const add = (d) => {
            const key = `${d.stage ?? d.label}/${d.via}`;
            if (seen.has(key))
                return;
            seen.add(key);
            dependsOn.push(d);
        };
        for (const e of edges[stage.index] ?? [])
            add({ stage: e.to, label: stageLabel(model.stages[e.to]), via: e.via });
        for (const x of external[stage.index] ?? [])
            if (x.via !== 'from')
                add({ stage: null, label: x.image, via: x.via });
        return { index: stage.index, label: stageLabel(stage), base: describeBase(stage, model.stages), role: graph.roles[stage.index] ?? 'unused', instructions: stage.instructions.length, dependsOn };
    });
}
/** The stage and the stages it is built FROM, root first (`FROM base` inherits base's settings). */
function stageChain(model, index) {
    const chain = [];
    const seen = new Set();
    for (let s = model.stages[index]; s !== undefined && !seen.has(s.index);) {
        seen.add(s.index);
        chain.push(s);
        s = s.base.kind === 'stage' && s.base.stage !== null ? model.stages[s.base.stage] : undefined;
    }
    return chain.reverse();
}
/**
 * The folder a WORKDIR names: its expanded value (quotes removed, ARG/ENV values put in); as
 * written when it uses a variable with no value here, so it stays a folder of its own rather
 * than collapsing onto whatever the known part is.
 */
function workdirPath(ins) {
    const word = ins.workdir;
    if (word === undefined)
        return null;
    return word.unresolved.length === 0 ? word.value : word.raw;
}
/**
 * The working directory in effect for each instruction of a stage (inherited through FROM <stage>).
 * Before any WORKDIR it is `/`: exact for scratch, an assumption for an external image (most keep `/`).
 */
function workdirs(model, index) {
    const result = new Map();
    let current = '/';
    for (const stage of stageChain(model, index)) {
        for (const ins of stage.instructions) {
            result.set(ins, current);
            const path = workdirPath(ins);
            if (path !== null)
                current = joinPath(current, path);
        }
    }
    return result;
}
/** The working directory at the end of a stage. */
function finalWorkdir(model, index) {
    const stage = model.stages[index];
    const last = stage?.instructions[stage.instructions.length - 1];
    if (last === undefined)
        return '/';
    const map = workdirs(model, index);
    const before = map.get(last) ?? '/';
    const path = workdirPath(last);
    return path === null ? before : joinPath(before, path);
}
/** The last instruction with this keyword in a chain of stages, latest stage first. */
function lastInChain(chain, keyword) {
    for (let i = chain.length - 1; i >= 0; i--) {
        const found = chain[i].instructions.filter((ins) => ins.keyword === keyword);
        if (found.length > 0)
            return found[found.length - 1];
    }
    return null;
}
/** CMD/ENTRYPOINT/HEALTHCHECK as a reader would write it: exec form as JSON, shell form as text. */
function commandText(ins) {
    if (ins === null)
        return null;
    if (ins.form === 'json' && ins.json !== null)
        return JSON.stringify(ins.json);
    return ins.args.join(' ');
}
function mergePackages(lists) {
    const byManager = new Map();
    for (const l of lists) {
        const set = byManager.get(l.manager) ?? new Set();
        for (const p of l.packages)
            set.add(p);
        byManager.set(l.manager, set);
    }
    return [...byManager].filter(([, set]) => set.size > 0).map(([manager, set]) => ({ manager, packages: [...set] }));
}
function stagePackages(stage) {
    return stage.instructions.flatMap((ins) => runInstalls(ins).map((p) => ({ manager: p.manager, packages: p.packages })));
}
function unique(items) {
    return [...new Set(items)];
}
function describeShippedImage(model, graph) {
    if (graph.target === null)
        return null;
    const chain = stageChain(model, graph.target);
    const root = chain[0];
    const base = describeBase(root, model.stages);
    const userIns = lastInChain(chain, 'USER');
    const user = userIns?.args[0] ?? null;
    const instructions = chain.flatMap((s) => s.instructions);
    const contextFiles = [];
    const artifacts = [];
    const copyEdge = copyEdgeFinder(graph);
    for (const stage of chain) {
        for (const ins of stage.instructions) {
            const copy = ins.copy;
            if (copy === undefined)
                continue;
            const files = { line: ins.line, sources: copy.sources, destination: copy.destination };
            if (copy.from === null) {
                contextFiles.push(files);
                continue;
            }
            const edge = copyEdge(stage.index, ins.line);
            if (edge !== undefined)
                artifacts.push({ ...files, from: stageLabel(model.stages[edge.to]), stage: edge.to });
            else if (copy.from !== '')
                artifacts.push({ ...files, from: copy.from, stage: null });
        }
    }
    const platform = chain.map((s) => s.base.platform).find((p) => p !== null) ?? null;
    const healthcheck = lastInChain(chain, 'HEALTHCHECK');
    return {
        target: graph.target,
        chain: chain.map((s) => s.index),
        base,
        platform,
        user,
        runsAsRoot: user === null || /^(?:root|0)(?::.*)?$/.test(user),
        workdir: finalWorkdir(model, graph.target),
        ports: unique(instructions.filter((i) => i.keyword === 'EXPOSE').flatMap((i) => i.args)),
        entrypoint: commandText(lastInChain(chain, 'ENTRYPOINT')),
        cmd: commandText(lastInChain(chain, 'CMD')),
        healthcheck: healthcheck === null ? null : (healthcheck.args[0] ?? '').toUpperCase() === 'NONE' ? 'NONE' : healthcheck.args.join(' '),
        contextFiles,
        artifacts,
        packages: mergePackages(chain.flatMap(stagePackages)),
        envNames: unique(instructions.filter((i) => i.keyword === 'ENV').flatMap((i) => (i.variables ?? []).map((v) => v.name)))
    };
}
/** What build stages install that the shipped image does not get. */
function describeLeftBehind(model, graph) {
    const build = model.stages.filter((s) => graph.roles[s.index] === 'build');
    const shipped = new Set(mergePackages(model.stages.filter((s) => graph.roles[s.index] === 'ships').flatMap(stagePackages)).flatMap((l) => l.packages.map((p) => `${l.manager}/${p}`)));
    const packages = mergePackages(build.flatMap(stagePackages)).map((l) => ({ manager: l.manager, packages: l.packages.filter((p) => !shipped.has(`${l.manager}/${p}`)) }));
    return {
        stages: build.map((s) => ({ index: s.index, label: stageLabel(s), base: describeBase(s, model.stages) })),
        packages: packages.filter((l) => l.packages.length > 0)
    };
}

;// CONCATENATED MODULE: ./src/enrich/size-estimates.ts
/**
 * A built-in, dated table of how big common base images are, so the summary can say "this
 * image starts at about 390 MB" without a registry. Always shown as an estimate: tags move and
 * sizes drift. The registry look-up (when it is on) replaces these with real numbers.
 *
 * Figures are the compressed (download) size for linux/amd64 of current tags, rounded, read off
 * the registries' tag pages. The variant is chosen from the tag, most specific first.
 */
/** When the figures were last checked. */
const ESTIMATES_AS_OF = '2026-11';
const ALPINE = /alpine/;
const SLIM = /slim/;
const any = (name, megabytes) => ({ tag: null, name, megabytes });
const FAMILIES = [
    { images: ['alpine'], family: 'alpine', variants: [any('', 4)] },
    { images: ['busybox'], family: 'busybox', variants: [any('', 2)] },
    { images: ['debian'], family: 'debian', variants: [{ tag: SLIM, name: 'slim', megabytes: 28 }, any('', 49)] },
    { images: ['ubuntu'], family: 'ubuntu', variants: [any('', 30)] },
    { images: ['fedora'], family: 'fedora', variants: [any('', 65)] },
    { images: ['rockylinux', 'almalinux', 'centos', 'oraclelinux'], family: 'enterprise linux', variants: [{ tag: /minimal/, name: 'minimal', megabytes: 40 }, any('', 75)] },
    { images: ['registry.access.redhat.com/ubi9/ubi-minimal', 'registry.access.redhat.com/ubi8/ubi-minimal', 'redhat/ubi9-minimal'], family: 'ubi', variants: [any('minimal', 38)] },
    { images: ['registry.access.redhat.com/ubi9/ubi', 'registry.access.redhat.com/ubi8/ubi', 'redhat/ubi9'], family: 'ubi', variants: [any('', 80)] },
    { images: ['amazonlinux'], family: 'amazonlinux', variants: [any('', 60)] },
    { images: ['gcr.io/distroless/static', 'gcr.io/distroless/static-debian12', 'gcr.io/distroless/static-debian11'], family: 'distroless', variants: [any('static', 2)] },
    { images: ['gcr.io/distroless/base', 'gcr.io/distroless/base-debian12', 'gcr.io/distroless/base-debian11', 'gcr.io/distroless/base-nossl-debian12'], family: 'distroless', variants: [any('base', 20)] },
    { images: ['gcr.io/distroless/cc', 'gcr.io/distroless/cc-debian12', 'gcr.io/distroless/cc-debian11'], family: 'distroless', variants: [any('cc', 23)] },
    { images: ['gcr.io/distroless/python3', 'gcr.io/distroless/python3-debian12'], family: 'distroless', variants: [any('python3', 20)] },
    { images: ['gcr.io/distroless/nodejs', 'gcr.io/distroless/nodejs18-debian12', 'gcr.io/distroless/nodejs20-debian12', 'gcr.io/distroless/nodejs22-debian12'], family: 'distroless', variants: [any('nodejs', 45)] },
    { images: ['gcr.io/distroless/java17-debian12', 'gcr.io/distroless/java21-debian12', 'gcr.io/distroless/java'], family: 'distroless', variants: [any('java', 90)] },
    { images: ['cgr.dev/chainguard/static'], family: 'chainguard', variants: [any('static', 1)] },
    {
        images: ['node'],
        family: 'node',
        variants: [{ tag: ALPINE, name: 'alpine', megabytes: 45 }, { tag: SLIM, name: 'slim', megabytes: 70 }, any('', 390)]
    },
    {
        images: ['python'],
        family: 'python',
        variants: [{ tag: ALPINE, name: 'alpine', megabytes: 20 }, { tag: SLIM, name: 'slim', megabytes: 45 }, any('', 370)]
    },
    {
        images: ['golang'],
        family: 'golang',
        variants: [{ tag: ALPINE, name: 'alpine', megabytes: 75 }, any('', 300)]
    },
    {
        images: ['rust'],
        family: 'rust',
        variants: [{ tag: ALPINE, name: 'alpine', megabytes: 280 }, { tag: SLIM, name: 'slim', megabytes: 250 }, any('', 550)]
    },
    { images: ['gcc'], family: 'gcc', variants: [any('', 520)] },
    { images: ['buildpack-deps'], family: 'buildpack-deps', variants: [{ tag: /curl/, name: 'curl', megabytes: 70 }, { tag: /scm/, name: 'scm', megabytes: 130 }, any('', 320)] },
    {
        images: ['eclipse-temurin', 'openjdk', 'amazoncorretto', 'ibm-semeru-runtimes', 'sapmachine'],
        family: 'java',
        variants: [
            { tag: /jre.*alpine|alpine.*jre/, name: 'JRE, alpine', megabytes: 65 },
            { tag: /jre/, name: 'JRE', megabytes: 95 },
            { tag: ALPINE, name: 'JDK, alpine', megabytes: 165 },
            any('JDK', 190)
        ]
    },
    { images: ['maven'], family: 'maven', variants: [any('JDK + maven', 280)] },
    { images: ['gradle'], family: 'gradle', variants: [any('JDK + gradle', 300)] },
    { images: ['mcr.microsoft.com/dotnet/sdk'], family: '.NET', variants: [{ tag: ALPINE, name: 'sdk, alpine', megabytes: 230 }, any('sdk', 280)] },
    { images: ['mcr.microsoft.com/dotnet/aspnet'], family: '.NET', variants: [{ tag: ALPINE, name: 'aspnet, alpine', megabytes: 45 }, any('aspnet', 90)] },
    { images: ['mcr.microsoft.com/dotnet/runtime'], family: '.NET', variants: [{ tag: ALPINE, name: 'runtime, alpine', megabytes: 40 }, any('runtime', 80)] },
    { images: ['mcr.microsoft.com/dotnet/runtime-deps'], family: '.NET', variants: [{ tag: ALPINE, name: 'runtime-deps, alpine', megabytes: 5 }, any('runtime-deps', 45)] },
    { images: ['nginx', 'nginxinc/nginx-unprivileged'], family: 'nginx', variants: [{ tag: ALPINE, name: 'alpine', megabytes: 20 }, any('', 70)] },
    { images: ['httpd'], family: 'httpd', variants: [{ tag: ALPINE, name: 'alpine', megabytes: 25 }, any('', 60)] },
    { images: ['php'], family: 'php', variants: [{ tag: ALPINE, name: 'alpine', megabytes: 35 }, any('', 170)] },
    { images: ['ruby'], family: 'ruby', variants: [{ tag: ALPINE, name: 'alpine', megabytes: 35 }, { tag: SLIM, name: 'slim', megabytes: 75 }, any('', 360)] },
    { images: ['perl'], family: 'perl', variants: [{ tag: SLIM, name: 'slim', megabytes: 45 }, any('', 330)] },
    { images: ['elixir', 'erlang'], family: 'erlang', variants: [{ tag: ALPINE, name: 'alpine', megabytes: 50 }, { tag: SLIM, name: 'slim', megabytes: 110 }, any('', 500)] },
    { images: ['postgres'], family: 'postgres', variants: [{ tag: ALPINE, name: 'alpine', megabytes: 100 }, any('', 150)] },
    { images: ['redis'], family: 'redis', variants: [{ tag: ALPINE, name: 'alpine', megabytes: 17 }, any('', 45)] }
];
const BY_IMAGE = new Map(FAMILIES.flatMap((f) => f.images.map((image) => [image, f])));
function sizeClassOf(megabytes) {
    if (megabytes <= 0)
        return 'none';
    if (megabytes < 10)
        return 'tiny';
    if (megabytes < 60)
        return 'small';
    if (megabytes < 200)
        return 'medium';
    if (megabytes < 450)
        return 'large';
    return 'huge';
}
function repositoryName(image) {
    for (const prefix of ['docker.io/library/', 'index.docker.io/library/', 'registry-1.docker.io/library/', 'docker.io/', 'library/']) {
        if (image.startsWith(prefix))
            return image.slice(prefix.length);
    }
    return image;
}
/**
 * The estimate for an image (repository without tag, as in the model's `base.image`) and its
 * tag; `scratch` is empty. Null when the image is not in the table.
 */
function estimateImageSize(image, tag) {
    const name = repositoryName(image.toLowerCase());
    if (name === 'scratch')
        return { label: 'scratch', megabytes: 0, sizeClass: 'none' };
    const family = BY_IMAGE.get(name);
    if (family === undefined)
        return null;
    const t = (tag ?? '').toLowerCase();
    const variant = family.variants.find((v) => v.tag === null || v.tag.test(t));
    if (variant === undefined)
        return null;
    return { label: variant.name === '' ? family.family : `${family.family} (${variant.name})`, megabytes: variant.megabytes, sizeClass: sizeClassOf(variant.megabytes) };
}

;// CONCATENATED MODULE: ./src/enrich/sizes.ts
/**
 * Which size to show for a base image: the registry's when it answered, else the built-in
 * estimate, always saying which. Pure: the look-ups happen in src/registry before reporting.
 */

/** The platform a FROM pulls: its `--platform` (BuildKit's platform ARGs taken as linux/amd64), else linux/amd64. */
function platformOf(base) {
    const written = base.platform;
    if (written === null || written === '')
        return 'linux/amd64';
    if (written.includes('$'))
        return 'linux/amd64';
    return written.toLowerCase();
}
const sizeKey = (image, platform) => `${image}|${platform}`;
/** The registry's answer for a base, when there was a look-up. */
function lookupOf(base, sizes) {
    return base.kind === 'image' ? sizes?.get(sizeKey(base.label, platformOf(base))) : undefined;
}
function baseSize(base, sizes) {
    const estimate = base.kind === 'scratch' ? estimateImageSize('scratch', null) : base.kind === 'image' && base.image !== null ? estimateImageSize(base.image, base.tag) : null;
    const found = lookupOf(base, sizes);
    if (found?.ok === true)
        return { compressedSize: found.compressedSize, size: found.size, sizeSource: 'registry', estimate };
    if (estimate === null)
        return null;
    return { compressedSize: estimate.megabytes * 1_000_000, size: null, sizeSource: 'estimate', estimate };
}
/** `45.2 MB` for exact sizes, `≈ 45 MB` for estimates. */
function formatSize(size) {
    if (size.sizeSource === 'estimate')
        return size.compressedSize === 0 ? '0 MB' : `≈ ${Math.round(size.compressedSize / 1e6)} MB`;
    return formatBytes(size.compressedSize);
}
function formatBytes(bytes) {
    if (Math.abs(bytes) < 1000)
        return `${bytes} B`;
    if (Math.abs(bytes) < 1e6)
        return `${(bytes / 1e3).toFixed(1)} kB`;
    return `${(bytes / 1e6).toFixed(1)} MB`;
}

;// CONCATENATED MODULE: ./src/report/json.ts
/**
 * The JSON report (`--format json`, the action's `json-file`). Version 1's field names are a
 * contract: later versions add fields, never rename or remove these.
 */



function sizeFields(base, sizes) {
    const found = baseSize(base, sizes);
    return found === null ? { compressedSize: null, size: null, sizeSource: null } : { compressedSize: found.compressedSize, size: found.size, sizeSource: found.sizeSource };
}
const jsonBuild = (b) => ({
    kind: b.kind,
    source: { file: b.source.file, line: b.source.line },
    name: b.name,
    target: b.target,
    targetUnknown: b.targetUnknown,
    context: b.context,
    args: b.args,
    platforms: b.platforms,
    pushed: b.push
});
function toJsonFile(file, sizes, built) {
    const { analysis } = file;
    const { model, graph } = analysis;
    const edges = edgesByStage(graph, model.stages.length);
    const shipped = describeShippedImage(model, graph);
    return {
        path: analysis.path,
        target: graph.target,
        finalImage: shipped === null ? null : { stage: shipped.target, base: shipped.base.label, ...sizeFields(shipped.base, sizes) },
        ...(built === undefined ? {} : { builtImage: built }),
        targets: graph.targets.map((t) => ({ stage: t.stage, purpose: t.purpose, because: t.because, builtBy: t.builtBy })),
        builds: (file.builds ?? []).map(jsonBuild),
        stages: model.stages.map((stage) => ({
            index: stage.index,
            name: stage.name,
            line: stage.line,
            base: {
                raw: stage.base.raw,
                image: stage.base.image,
                tag: stage.base.tag,
                digest: stage.base.digest,
                platform: stage.base.platform,
                kind: stage.base.kind,
                stage: stage.base.stage,
                ...sizeFields(describeBase(stage, model.stages), sizes)
            },
            role: graph.roles[stage.index] ?? 'unused',
            dependsOn: (edges[stage.index] ?? []).map((e) => ({ stage: e.to, via: e.via, line: e.line }))
        })),
        findings: analysis.findings.map((f) => ({
            rule: f.rule,
            severity: f.severity,
            line: f.line,
            endLine: f.endLine,
            message: f.message,
            equivalents: { hadolint: f.equivalents.hadolint, buildkit: f.equivalents.buildkit },
            ...(f.targets === undefined ? {} : { targets: f.targets }),
            ...(f.alsoAt === undefined ? {} : { alsoAt: f.alsoAt })
        }))
    };
}
function toJsonReport(review) {
    return { version: 1, files: review.files.map((f) => toJsonFile(f, review.sizes, review.builtImages?.get(f.path))) };
}
/**
 * The report as `JSON.stringify(report, null, 2)` prints it, in pieces: the opening, then one
 * piece per file as it is analysed, then the closing. A large run never holds the whole text.
 */
const JSON_REPORT_OPEN = '{\n  "version": 1,\n  "files": [';
function jsonFilePiece(file, first) {
    return `${first ? '' : ','}\n${JSON.stringify(file, null, 2).replace(/^/gm, '    ')}`;
}
function jsonReportClose(files) {
    return files === 0 ? ']\n}\n' : '\n  ]\n}\n';
}

;// CONCATENATED MODULE: ./src/model/finding.ts
/** A finding: something a rule (or the parser, or the stage graph) has to say about a file. */
const SEVERITIES = (/* unused pure expression or super */ null && (['error', 'warning', 'info']));
const NO_EQUIVALENTS = Object.freeze({ hadolint: null, buildkit: null });
/** Rank for comparisons: error > warning > info. */
function severityRank(severity) {
    return severity === 'error' ? 3 : severity === 'warning' ? 2 : 1;
}
function compareFindings(a, b) {
    return (a.line - b.line ||
        severityRank(b.severity) - severityRank(a.severity) ||
        a.rule.localeCompare(b.rule) ||
        a.message.localeCompare(b.message));
}
/** How many findings of each severity. */
function tally(findings) {
    const counts = { error: 0, warning: 0, info: 0 };
    for (const f of findings)
        counts[f.severity]++;
    return counts;
}
/** Lines a grouped finding's text lists; the rest are counted. */
const LISTED_LINES = 5;
/** The finding as people read it: the rule's words, and the other lines it stands for when grouped. */
function findingText(f) {
    if (f.alsoAt === undefined || f.alsoAt.length === 0)
        return f.message;
    const listed = f.alsoAt.slice(0, LISTED_LINES).join(', ');
    const more = f.alsoAt.length - LISTED_LINES;
    return `${f.message} (also on line${f.alsoAt.length === 1 ? '' : 's'} ${listed}${more > 0 ? ` and ${more} more` : ''})`;
}

;// CONCATENATED MODULE: ./src/rules/types.ts
/**
 * A rule is metadata plus a pure check over the model and the stage graph (like an ESLint rule
 * module). The engine applies the rule's scope, its severity (or the configured one) and the
 * suppressions, so a check only says where and what.
 */
const DOCS_BASE = 'https://github.com/stagecraft/stagecraft/blob/main/docs/rules';
function docsUrl(id) {
    return `${DOCS_BASE}/${id}.md`;
}

;// CONCATENATED MODULE: ./src/enrich/delta.ts
/**
 * What a pull request changed about a Dockerfile: stages added, removed or renamed, the shipped
 * image's base, and which findings are new or fixed. Findings are matched by rule, stage and
 * message with line numbers left out, so a finding that only moved is neither new nor fixed. Pure.
 */

/** The base versions that exist (a new file has none). */
function analysedVersions(previous) {
    return [...(previous?.values() ?? [])].filter((p) => p !== 'new');
}
const stageKey = (s) => s.id ?? `#${s.index}`;
/** A finding's stage by name, with a renamed stage's old name mapped to its new one. */
function stageName(analysis, index, renamed) {
    const stage = index === null ? undefined : analysis.model.stages[index];
    const id = stage === undefined ? '' : (stage.id ?? '');
    return renamed.get(id) ?? id;
}
/** Identity of a finding across versions: line numbers, and a renamed stage's name, left out. */
function findingKey(analysis, f, renamed) {
    const stage = stageName(analysis, f.stage, renamed);
    let message = f.message.replace(/\b(lines?) \d+(?:[–-]\d+)?/g, '$1 N');
    for (const [from, to] of renamed)
        message = message.split(`"${from}"`).join(`"${to}"`);
    return `${f.rule}\u0000${stage}\u0000${message}`;
}
/** A grouped finding stands for one occurrence per line: compared one by one, so a PR that adds a line is seen. */
function occurrences(findings) {
    return findings.flatMap((f) => (f.alsoAt === undefined ? [f] : [{ ...f, alsoAt: undefined }, ...f.alsoAt.map((line) => ({ ...f, line, endLine: line, alsoAt: undefined }))]));
}
/** Findings of `a` with no counterpart in `b` (as multisets); `renamedA` maps `a`'s stage names to `b`'s. */
function missingFrom(a, b, renamedA, renamedB) {
    const counts = new Map();
    for (const f of occurrences(b.findings)) {
        const k = findingKey(b, f, renamedB);
        counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    return occurrences(a.findings).filter((f) => {
        const k = findingKey(a, f, renamedA);
        const n = counts.get(k) ?? 0;
        if (n === 0)
            return true;
        counts.set(k, n - 1);
        return false;
    });
}
const NONE = new Map();
/** At least half of the instructions after FROM are the same text (in any order). */
function similar(a, b) {
    const text = (s) => s.instructions.slice(1).map((i) => `${i.keyword} ${i.args.join(' ')}`);
    const left = text(a);
    const right = new Set(text(b));
    const shared = left.filter((t) => right.has(t)).length;
    return shared * 2 >= Math.max(left.length, right.size) && (left.length > 0 || right.size === 0);
}
function compareVersions(base, head) {
    const before = base.model.stages;
    const after = head.model.stages;
    const beforeKeys = new Set(before.map(stageKey));
    const afterKeys = new Set(after.map(stageKey));
    const removed = before.filter((s) => !afterKeys.has(stageKey(s)));
    const added = after.filter((s) => !beforeKeys.has(stageKey(s)));
    // A removed and an added named stage with the same base and mostly the same instructions: a rename.
    const stagesRenamed = [];
    const renamed = new Map();
    for (const old of [...removed]) {
        const match = added.find((s) => s.name !== null && old.name !== null && s.base.raw === old.base.raw && similar(old, s));
        if (match === undefined)
            continue;
        stagesRenamed.push({ from: stageLabel(old), to: stageLabel(match) });
        renamed.set(old.id, match.id);
        removed.splice(removed.indexOf(old), 1);
        added.splice(added.indexOf(match), 1);
    }
    return {
        stagesAdded: added.map(stageLabel),
        stagesRemoved: removed.map(stageLabel),
        stagesRenamed,
        finalBase: { before: describeShippedImage(base.model, base.graph)?.base ?? null, after: describeShippedImage(head.model, head.graph)?.base ?? null },
        newFindings: missingFrom(head, base, NONE, renamed),
        fixedFindings: missingFrom(base, head, renamed, NONE)
    };
}

;// CONCATENATED MODULE: ./src/report/mermaid.ts
/**
 * The stage graph as a Mermaid flowchart, arrows in the direction the content flows (base →
 * stage, artifact source → the stage that copies). Stages are boxes, external images are
 * stadiums; FROM is a solid arrow (thick along the shipped chain), COPY --from dashed and
 * labelled with the copied paths, RUN --mount dotted. Node ids are generated (`s0`, `x0`), so
 * any stage name is safe; every label goes through `mermaidText`. Pure.
 */
/** Past these, GitHub's Mermaid refuses or draws an unreadable picture; the table stays. */
const MERMAID_LIMITS = { nodes: 120, edges: 300, characters: 40_000 };
/** Characters a quoted Mermaid label may hold as they are; everything else becomes an entity code. */
const PLAIN = /[A-Za-z0-9 ._/:=+,()-]/;
/** A label safe inside `"..."` in a Mermaid flowchart: quotes, `#`, `<`, backticks, emoji... as `#code;`. */
function mermaidText(text, max = 40) {
    const chars = [...text.replace(/\s+/g, ' ')];
    const shown = chars.length > max ? [...chars.slice(0, max - 1), '…'] : chars;
    return shown.map((c) => (PLAIN.test(c) ? c : `#${c.codePointAt(0)};`)).join('');
}
/** `/out/app, /etc/ssl/certs +2` — the copied paths, shortened for an edge label. */
function shortPaths(paths) {
    const shown = paths.slice(0, 2).map((p) => ([...p].length > 24 ? `…${[...p].slice(-23).join('')}` : p));
    return paths.length > 2 ? `${shown.join(', ')} +${paths.length - 2}` : shown.join(', ');
}
const CLASSES = [
    'classDef ships fill:#dafbe1,stroke:#1a7f37,stroke-width:3px,color:#0d1117',
    'classDef environment fill:#fbefff,stroke:#8250df,stroke-width:2px,color:#0d1117',
    'classDef build fill:#ddf4ff,stroke:#0969da,color:#0d1117',
    'classDef unused fill:#f6f8fa,stroke:#8c959f,color:#8c959f,stroke-dasharray:4 3',
    'classDef image fill:#fff8c5,stroke:#9a6700,color:#0d1117'
];
const DASHED = 'stroke-dasharray:6 4';
const DOTTED = 'stroke-dasharray:2 3';
/** `|"label"|`, or nothing: Mermaid rejects an empty quoted label. */
function edgeLabel(text) {
    return text.trim() === '' ? '' : `|"${mermaidText(text, 60)}"|`;
}
/** The flowchart's source, or null when the graph is too big to draw (the table says it all then). */
function stageGraphMermaid(rows, graph) {
    if (rows.length === 0)
        return null;
    const lines = ['flowchart LR'];
    const images = new Map();
    const imageNode = (label) => {
        let id = images.get(label);
        if (id === undefined) {
            id = `x${images.size}`;
            images.set(label, id);
            lines.push(`  ${id}(["${mermaidText(label, 60)}"])`);
        }
        return id;
    };
    const edges = [];
    for (const row of rows) {
        lines.push(`  s${row.index}["${mermaidText(row.label)}"]`);
    }
    for (const row of rows) {
        if (row.base.kind === 'stage')
            continue;
        const thick = row.role === 'ships';
        edges.push({ text: `${imageNode(row.base.label)} ${thick ? '==>' : '-->'} s${row.index}`, style: null });
    }
    for (const e of graph.edges) {
        if (e.via === 'from')
            edges.push({ text: `s${e.to} ${graph.roles[e.from] === 'ships' ? '==>' : '-->'} s${e.from}`, style: null });
        else if (e.via === 'copy')
            edges.push({ text: `s${e.to} -.->${edgeLabel(shortPaths(e.paths))} s${e.from}`, style: DASHED });
        else
            edges.push({ text: `s${e.to} -.->|"mount"| s${e.from}`, style: DOTTED });
    }
    for (const x of graph.external) {
        if (x.via === 'from')
            continue;
        edges.push({ text: `${imageNode(x.image)} -.->|"${x.via === 'copy' ? 'COPY --from' : 'mount'}"| s${x.stage}`, style: x.via === 'copy' ? DASHED : DOTTED });
    }
    if (rows.length + images.size > MERMAID_LIMITS.nodes || edges.length > MERMAID_LIMITS.edges)
        return null;
    lines.push(...edges.map((e) => `  ${e.text}`));
    lines.push(...CLASSES.map((c) => `  ${c}`));
    for (const role of ['ships', 'environment', 'build', 'unused']) {
        const ids = rows.filter((r) => r.role === role).map((r) => `s${r.index}`);
        if (ids.length > 0)
            lines.push(`  class ${ids.join(',')} ${role}`);
    }
    if (images.size > 0)
        lines.push(`  class ${[...images.values()].join(',')} image`);
    edges.forEach((e, i) => {
        if (e.style !== null)
            lines.push(`  linkStyle ${i} ${e.style}`);
    });
    const source = lines.join('\n');
    return source.length > MERMAID_LIMITS.characters ? null : source;
}

;// CONCATENATED MODULE: ./src/report/text.ts
/** The CLI's readable report: per file, its stages in one line, then `path:line  severity  rule  message`. */

const COLOURS = {
    error: ['\u001b[31m', '\u001b[39m'],
    warning: ['\u001b[33m', '\u001b[39m'],
    info: ['\u001b[36m', '\u001b[39m'],
    dim: ['\u001b[2m', '\u001b[22m'],
    bold: ['\u001b[1m', '\u001b[22m']
};
function countFindings(analyses) {
    return { files: analyses.length, ...tally(analyses.flatMap((a) => a.findings)) };
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
/** `builder (build) → app (ships)`: each stage with its role, in file order. */
function stageLine(analysis) {
    const { model, graph } = analysis;
    if (model.stages.length === 0)
        return 'no stages';
    return model.stages
        .map((s) => `${s.name ?? `#${s.index}`} (${graph.roles[s.index] ?? 'unused'}${s.index === graph.target ? ', target' : ''})`)
        .join(', ');
}
function painter(options) {
    return (kind, text) => {
        const [open, close] = COLOURS[kind];
        return options.colour ? `${open}${text}${close}` : text;
    };
}
/** One file's part of the report, so a large run can print as it goes. */
function textFilePiece(analysis, options) {
    const paint = painter(options);
    const out = [paint('bold', analysis.path), paint('dim', `  stages: ${stageLine(analysis)}`)];
    for (const f of analysis.findings)
        out.push(`${analysis.path}:${f.line}  ${paint(f.severity, f.severity.padEnd(7))}  ${f.rule}  ${findingText(f)}`);
    return out.join('\n') + '\n\n';
}
function textTotals(t) {
    return `${plural(t.files, 'file')}: ${plural(t.error, 'error')}, ${plural(t.warning, 'warning')}, ${t.info} info\n`;
}
function formatText(review, options) {
    const analyses = review.files.map((f) => f.analysis);
    return analyses.map((a) => textFilePiece(a, options)).join('') + textTotals(countFindings(analyses));
}

;// CONCATENATED MODULE: ./src/report/markdown.ts
/**
 * The Markdown that the sticky comment and the job summary show: a status line, then per file a
 * collapsible section with the PR's delta, the stage table and its Mermaid picture, the base
 * images' estimated sizes, the final image's breakdown (and what stays behind), and the findings
 * grouped by stage. Pure.
 *
 * Everything taken from a Dockerfile is escaped, so a file cannot ping people, link issues,
 * inject HTML or break a table; ARG/ENV values are never printed, only names. The body never
 * exceeds GitHub's comment limit: past it, sections drop the picture and the breakdown, then
 * give way to one line of counts per file and a pointer.
 */








/** GitHub's comment body limit, in code points (the safe budget from the research notes). */
const COMMENT_LIMIT = 65536;
const ICONS = { error: '🔴', warning: '🟡', info: '🔵' };
const ENTITIES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '|': '&#124;',
    '`': '&#96;',
    '@': '&#64;',
    '#': '&#35;',
    '\\': '\\\\',
    '*': '\\*',
    _: '\\_',
    '[': '\\[',
    ']': '\\]',
    '~': '\\~',
    '\n': ' ',
    '\r': ''
};
/** Escapes text for a Markdown table cell or paragraph: no mentions, references, HTML or pipes. One pass. */
function escapeMarkdown(text) {
    let out = '';
    for (const c of text)
        out += ENTITIES[c] ?? c;
    return out;
}
function counts(findings) {
    const c = tally(findings);
    if (findings.length === 0)
        return 'no findings';
    return [c.error > 0 ? plural(c.error, 'error') : '', c.warning > 0 ? plural(c.warning, 'warning') : '', c.info > 0 ? `${c.info} info` : ''].filter((s) => s !== '').join(', ');
}
/** Dockerfile text in a code span: `<code>` decodes entities, so the escapes hold inside it. */
function code(text) {
    return `<code>${escapeMarkdown(text)}</code>`;
}
/** At most `max` items, then "+N more". */
function list(items, max = 8, format = code) {
    if (items.length === 0)
        return '—';
    const shown = items.slice(0, max).map(format).join(', ');
    return items.length > max ? `${shown} +${items.length - max} more` : shown;
}
function findingsTable(findings) {
    const rows = findings.map((f) => `| ${f.line === f.endLine ? f.line : `${f.line}–${f.endLine}`} | ${ICONS[f.severity]} ${f.severity} | [\`${f.rule}\`](${docsUrl(f.rule)}) | ${escapeMarkdown(findingText(f))} |`);
    return ['| line | severity | rule | finding |', '| ---: | --- | --- | --- |', ...rows].join('\n');
}
/** Findings under a small heading per stage (in file order), then those about the whole file. */
function findingsByStage(analysis) {
    const groups = new Map();
    for (const f of analysis.findings)
        groups.set(f.stage, [...(groups.get(f.stage) ?? []), f]);
    const order = [...groups.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a - b));
    if (order.length === 1 && order[0] === null)
        return findingsTable(analysis.findings);
    return order
        .map((index) => {
        const stage = index === null ? undefined : analysis.model.stages[index];
        const title = stage === undefined ? '*Whole file*' : `*Stage ${code(stageLabel(stage))} (${analysis.graph.roles[stage.index] ?? 'unused'})*`;
        return `${title}\n\n${findingsTable(groups.get(index) ?? [])}`;
    })
        .join('\n\n');
}
const VIA = { from: 'FROM', copy: 'COPY', mount: 'mount' };
function baseCell(base) {
    return base.kind === 'stage' ? `stage ${code(base.label.slice('stage '.length))}` : code(base.label);
}
function roleCell(row, target) {
    if (row.role === 'ships')
        return row.index === target ? '**ships** (target)' : '**ships**';
    if (row.role === 'environment')
        return row.index === target ? '**environment** (target)' : 'environment';
    return row.role;
}
function stageTable(rows, target) {
    const lines = rows.map((r) => {
        const deps = r.dependsOn.map((d) => `${code(d.label)} (${VIA[d.via]})`);
        return `| ${r.index} | ${code(r.label)} | ${baseCell(r.base)} | ${roleCell(r, target)} | ${r.instructions} | ${deps.length === 0 ? '—' : deps.join(', ')} |`;
    });
    return ['| # | stage | base | role | instructions | depends on |', '| ---: | --- | --- | --- | ---: | --- |', ...lines].join('\n');
}
function sizeText(size) {
    if (size === null)
        return 'unknown';
    return `${formatSize(size)}, ${size.sizeSource === 'registry' ? 'from the registry' : 'estimate'}`;
}
/** Every external base image with its size (the registry's, else the estimate), largest first. */
function baseImagesTable(rows, sizes) {
    const bases = new Map();
    for (const r of rows) {
        if (r.base.kind === 'stage')
            continue;
        const entry = bases.get(r.base.label) ?? { base: r.base, stages: [] };
        entry.stages.push(r.label);
        bases.set(r.base.label, entry);
    }
    if (bases.size === 0)
        return null;
    const entries = [...bases.values()].map((e) => ({ ...e, size: baseSize(e.base, sizes), lookup: lookupOf(e.base, sizes) }));
    entries.sort((a, b) => (b.size?.compressedSize ?? -1) - (a.size?.compressedSize ?? -1));
    const lines = entries.map((e) => {
        const family = e.size?.estimate === null || e.size === null ? '—' : escapeMarkdown(e.size.estimate.label);
        const sizeClass = e.size === null ? '—' : sizeClassOf(e.size.compressedSize / 1e6);
        return `| ${code(e.base.label)} | ${list(e.stages, 4)} | ${family} | ${sizeClass} | ${e.size === null ? 'unknown' : formatSize(e.size)} | ${e.size === null ? '—' : e.size.sizeSource} |`;
    });
    const failed = entries.flatMap((e) => (e.lookup?.ok === false ? [`${code(e.base.label)}: ${escapeMarkdown(e.lookup.reason)}`] : []));
    const mismatched = entries.flatMap((e) => (e.lookup?.ok === true && e.lookup.platformMismatch !== null ? [`⚠️ ${code(e.base.label)} is built for ${code(e.lookup.platformMismatch)}, not ${code(e.lookup.platform)}: the build would fail or run emulated (BuildKit's InvalidBaseImagePlatform).`] : []));
    const note = sizes === undefined
        ? `*Sizes are estimates from a built-in table (${ESTIMATES_AS_OF}), compressed, linux/amd64; the registry look-up gives real ones.*`
        : failed.length > 0
            ? `*Estimated because the registry look-up failed:* ${failed.join('; ')}`
            : '';
    const table = ['| base image | used by | family | size class | compressed size | source |', '| --- | --- | --- | --- | ---: | --- |', ...lines].join('\n');
    return [table, note, ...mismatched].filter((p) => p !== '').join('\n\n');
}
function packagesCell(lists) {
    if (lists.length === 0)
        return '—';
    return lists.map((l) => `${l.manager}: ${list(l.packages)}`).join('; ');
}
function copiesCell(items) {
    if (items.length === 0)
        return '—';
    const shown = items.slice(0, 6).map((c) => {
        const sources = list(c.sources.map((s) => (s.startsWith('<<') ? `inline file ${s.slice(2)}` : s === '' ? '(empty after expansion)' : s)), 4);
        const from = c.from === undefined ? '' : ` from ${code(c.from)}`;
        return `${sources}${from} → ${c.destination === null ? '?' : code(c.destination)} (line ${c.line})`;
    });
    return items.length > 6 ? `${shown.join('<br>')}<br>+${items.length - 6} more` : shown.join('<br>');
}
function finalImageTable(analysis, image, sizes) {
    const stages = analysis.model.stages;
    const chain = [...image.chain].reverse().map((i) => code(stageLabel(stages[i])));
    const size = baseSize(image.base, sizes);
    const baseText = `${baseCell(image.base)}${size === null ? '' : ` — ${size.estimate === null ? '' : `${escapeMarkdown(size.estimate.label)}, `}${sizeClassOf(size.compressedSize / 1e6)}, ${sizeText(size)}`}`;
    const user = image.user === null ? '⚠️ not set: the base image\'s default (usually root)' : image.runsAsRoot ? `⚠️ ${code(image.user)} (root)` : code(image.user);
    const left = describeLeftBehind(analysis.model, analysis.graph);
    const leftStages = left.stages.map((s) => `${code(s.label)} on ${baseCell(s.base)}${((b) => (b === null ? '' : ` (${sizeText(b)})`))(baseSize(s.base, sizes))}`);
    const rows = [
        ['base chain', `${chain.join(' ← ')} ← ${baseText}`],
        ['platform', image.platform === null ? 'not set (the builder\'s platform; linux/amd64 on GitHub-hosted runners)' : code(image.platform)],
        ['user', user],
        ['workdir', code(image.workdir)],
        ['exposed ports', list(image.ports)],
        ['entrypoint', image.entrypoint === null ? 'inherited from the base image' : code(clip(image.entrypoint))],
        ['cmd', image.cmd === null ? 'inherited from the base image' : code(clip(image.cmd))],
        ['healthcheck', image.healthcheck === null ? 'none set here' : image.healthcheck === 'NONE' ? 'disabled (NONE)' : code(clip(image.healthcheck))],
        ['files from the build context', copiesCell(image.contextFiles)],
        ['artifacts from other stages and images', copiesCell(image.artifacts)],
        ['packages installed', packagesCell(image.packages)],
        ['ENV (names only)', list(image.envNames, 12)],
        ['**left behind** in build stages', leftStages.length === 0 ? '—' : `${leftStages.join(', ')}${left.packages.length > 0 ? `; ${packagesCell(left.packages)}` : ''}`]
    ];
    return ['| | what ships |', '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
}
function clip(text, max = 100) {
    const chars = [...text];
    return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}
function builtImageSection(result) {
    if ('reason' in result)
        return `**Built image** ${code(result.image)}: could not be read (${escapeMarkdown(result.reason)}).`;
    const added = result.compressedSize - result.baseSize;
    const head = `**Built image** ${code(result.image)} (${escapeMarkdown(result.platform)}): ${formatBytes(result.compressedSize)} compressed in ${plural(result.layers.length, 'layer')} — the base image ${formatBytes(result.baseSize)} in ${plural(result.baseLayers, 'layer')}, this Dockerfile adds ${formatBytes(added)}.`;
    const shown = result.layers.slice(-30);
    const rows = shown.map((l) => {
        const from = l.origin === 'base image' ? 'base image' : l.origin === 'unknown' ? '?' : `${code(l.stage ?? '')}, line ${l.line ?? '?'}${l.copiedFrom === null ? '' : ` (from ${code(l.copiedFrom)})`}`;
        return `| ${l.index} | ${formatBytes(l.size)} | ${from} | ${code(l.createdBy === '' ? '(no history)' : l.createdBy)} |`;
    });
    const hidden = result.layers.length - shown.length;
    const table = ['| layer | size | from | made by |', '| ---: | ---: | --- | --- |', ...rows].join('\n');
    const largest = `Largest: ${result.largest.map((l) => `layer ${l.index} ${formatBytes(l.size)}`).join(', ')}.`;
    const waste = result.waste.length === 0 ? '' : `\n\n${result.waste.map((w) => `- ${escapeMarkdown(w)}`).join('\n')}`;
    return `${head}${hidden > 0 ? ` The ${hidden} lowest layers are not listed.` : ''}\n\n${table}\n\n${largest}${waste}`;
}
/** How much the base changed: exact bytes when the registry gave both, else estimates. */
function sizeChange(before, after, sizes) {
    const a = before === null ? null : baseSize(before, sizes);
    const b = after === null ? null : baseSize(after, sizes);
    if (a === null || b === null)
        return '';
    const d = b.compressedSize - a.compressedSize;
    const exact = a.sizeSource === 'registry' && b.sizeSource === 'registry';
    const change = d === 0 ? 'same size' : `${d > 0 ? '+' : '−'}${exact ? formatBytes(Math.abs(d)) : `${Math.round(Math.abs(d) / 1e6)} MB`}`;
    return ` (${formatSize(a)} → ${formatSize(b)}, ${change}${exact ? ', compressed, from the registry' : ', estimates'})`;
}
function deltaLines(delta, sizes) {
    const out = [];
    if (delta.stagesAdded.length > 0)
        out.push(`stages added: ${list(delta.stagesAdded)}`);
    if (delta.stagesRemoved.length > 0)
        out.push(`stages removed: ${list(delta.stagesRemoved)}`);
    for (const r of delta.stagesRenamed)
        out.push(`stage ${code(r.from)} renamed to ${code(r.to)}`);
    const { before, after } = delta.finalBase;
    if (before !== null && after !== null && before.label !== after.label)
        out.push(`final base image ${baseCell(before)} → ${baseCell(after)}${sizeChange(before, after, sizes)}`);
    const shortList = (fs) => list(fs.map((f) => f.rule), 6, (r) => `\`${r}\``);
    out.push(delta.newFindings.length === 0 ? 'no new findings' : `${plural(delta.newFindings.length, 'new finding')} (${shortList(delta.newFindings)})`);
    if (delta.fixedFindings.length > 0)
        out.push(`${plural(delta.fixedFindings.length, 'finding')} fixed (${shortList(delta.fixedFindings)})`);
    return out;
}
/** Where the builds of the file come from, in one line (or that none names it: the last stage is assumed). */
function builtByLine(builds) {
    if (builds === undefined || builds.length === 0)
        return null;
    const shown = builds.slice(0, 4).map((b) => {
        const what = [b.targetUnknown ? 'target unknown' : b.target === null ? 'last stage' : `target ${code(b.target)}`, ...(b.push === true ? ['pushed'] : [])];
        return `${code(`${b.source.file}:${b.source.line}`)} (${what.join(', ')})`;
    });
    const more = builds.length - shown.length;
    return `*Built by* ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}.`;
}
/** Said once per file when a built image is a build environment: the runtime-image rules skip it. */
function purposeLine(analysis) {
    const environments = analysis.graph.targets.filter((t) => t.purpose === 'environment');
    if (environments.length === 0)
        return null;
    const stages = analysis.model.stages;
    const each = environments.map((t) => `${code(stageLabel(stages[t.stage]))} ${escapeMarkdown(`because ${t.because}`)}`);
    return `*Treated as a build environment (no runtime-image checks):* ${each.join('; ')}. Set \`images:\` in \`.stagecraft.yml\` to change it.`;
}
function fileSection(analysis, previous, detail, sizes, built, builds) {
    const hasErrors = analysis.findings.some((f) => f.severity === 'error');
    const rows = describeStages(analysis.model, analysis.graph);
    const image = describeShippedImage(analysis.model, analysis.graph);
    const runtime = analysis.graph.targets.find((t) => t.stage === analysis.graph.target)?.purpose !== 'environment';
    const ships = image === null ? '' : ` · ${runtime ? 'ships' : 'a build environment'} on ${baseCell(image.base)}`;
    const summary = `<summary>${code(analysis.path)} — ${counts(analysis.findings)} · ${plural(rows.length, 'stage')}${ships}</summary>`;
    // The blank line after </summary> is what makes GitHub render the Markdown inside.
    const parts = [];
    const origin = builtByLine(builds);
    if (origin !== null)
        parts.push(origin);
    const purpose = purposeLine(analysis);
    if (purpose !== null)
        parts.push(purpose);
    if (previous === 'new')
        parts.push('**New file** in this pull request.');
    else if (previous !== undefined)
        parts.push(`**This pull request:** ${deltaLines(compareVersions(previous, analysis), sizes).join('; ')}.`);
    if (rows.length > 0) {
        parts.push(`**Stages**\n\n${stageTable(rows, analysis.graph.target)}`);
        if (detail === 'full') {
            const mermaid = stageGraphMermaid(rows, analysis.graph);
            parts.push(mermaid === null ? '*The stage graph is too large to draw; the table above has it all.*' : `\`\`\`mermaid\n${mermaid}\n\`\`\``);
            const bases = baseImagesTable(rows, sizes);
            if (bases !== null)
                parts.push(`**Base images**\n\n${bases}`);
            if (image !== null)
                parts.push(`**Final image** (target ${code(stageLabel(analysis.model.stages[image.target]))})\n\n${finalImageTable(analysis, image, sizes)}`);
            if (built !== undefined)
                parts.push(builtImageSection(built));
        }
    }
    parts.push(analysis.findings.length === 0 ? '**Findings:** none.' : `**Findings**\n\n${findingsByStage(analysis)}`);
    return `<details${hasErrors ? ' open' : ''}>\n${summary}\n\n${parts.join('\n\n')}\n\n</details>\n`;
}
function statusLine(analyses, removed) {
    const t = countFindings(analyses);
    if (analyses.length === 0)
        return removed > 0 ? `${plural(removed, 'Dockerfile')} removed, none changed.` : 'No Dockerfile changed.';
    const total = t.error + t.warning + t.info;
    if (total === 0)
        return `✅ ${plural(t.files, 'Dockerfile')} reviewed: no findings.`;
    return `${t.error > 0 ? '❌' : t.warning > 0 ? '⚠️' : 'ℹ️'} ${plural(t.files, 'Dockerfile')} reviewed: ${plural(t.error, 'error')}, ${plural(t.warning, 'warning')}, ${t.info} info.`;
}
/** Code points without copying the string into an array (a summary can be megabytes long). */
function codePoints(s) {
    let n = s.length;
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        // A high surrogate followed by a low one is one code point in two UTF-16 units.
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
            const d = s.charCodeAt(i + 1);
            if (d >= 0xdc00 && d <= 0xdfff) {
                n--;
                i++;
            }
        }
    }
    return n;
}
function summaryMarkdown(review, options = {}) {
    const limit = options.limit ?? COMMENT_LIMIT;
    const removed = review.removed ?? [];
    const analyses = review.files.map((f) => f.analysis);
    const head = [options.marker ?? '', '### Stagecraft', '', statusLine(analyses, removed.length), ...(options.notes ?? review.notes ?? []).map((n) => `\n> ${escapeMarkdown(n)}`), ''].filter((l, i) => i > 0 || l !== '').join('\n');
    const tail = removed.length === 0 ? '' : `\n**Removed by this pull request:** ${list(removed, 20)}\n`;
    for (const detail of ['full', 'compact']) {
        const body = `${head}\n${review.files.map((f) => fileSection(f.analysis, f.previous, detail, review.sizes, review.builtImages?.get(f.path), f.builds)).join('\n')}${tail}`;
        if (codePoints(body) <= limit)
            return body;
    }
    // Still too long: one line per file, worst first, as many as fit.
    const hint = options.fullReportHint ?? 'the job summary';
    const lines = [...analyses]
        .sort((a, b) => b.findings.filter((f) => f.severity === 'error').length - a.findings.filter((f) => f.severity === 'error').length)
        .map((a) => `| ${code(a.path)} | ${counts(a.findings)} |`);
    const note = `\nThe full report did not fit in ${limit.toLocaleString('en-US')} characters: see ${hint}.\n\n| file | findings |\n| --- | --- |\n`;
    let body = `${head}${note}`;
    let used = codePoints(body);
    let shown = 0;
    for (const line of lines) {
        const size = codePoints(line) + 1;
        if (used + size + 200 > limit)
            break;
        body += `${line}\n`;
        used += size;
        shown++;
    }
    if (shown < lines.length)
        body += `\n…and ${lines.length - shown} more files.\n`;
    return body;
}

;// CONCATENATED MODULE: ./src/builds/hcl-eval.ts
const UNKNOWN = Symbol('unknown');
/** Deep enough for any real function chain, shallow enough to stop a function calling itself. */
const MAX_CALL_DEPTH = 32;
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** An object without a prototype, so a key such as `__proto__` is just a key. */
function emptyObject() {
    return Object.create(null);
}
function hasUnknown(value) {
    if (value === UNKNOWN)
        return true;
    if (Array.isArray(value))
        return value.some(hasUnknown);
    if (isObject(value))
        return Object.values(value).some(hasUnknown);
    return false;
}
/** The text a value interpolates as; UNKNOWN for lists, objects, null and unknowns. */
function asString(value) {
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number')
        return String(value);
    if (typeof value === 'boolean')
        return value ? 'true' : 'false';
    return UNKNOWN;
}
function asNumber(value) {
    if (typeof value === 'number')
        return value;
    if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
        return Number(value);
    return UNKNOWN;
}
function asBool(value) {
    if (typeof value === 'boolean')
        return value;
    if (value === 'true' || value === 'false')
        return value === 'true';
    return UNKNOWN;
}
function equal(a, b) {
    if (Array.isArray(a) && Array.isArray(b))
        return a.length === b.length && a.every((x, i) => equal(x, b[i]));
    if (isObject(a) && isObject(b)) {
        const keys = Object.keys(a);
        return keys.length === Object.keys(b).length && keys.every((k) => k in b && equal(a[k], b[k]));
    }
    return a === b;
}
const strings = (fn) => (args) => {
    const texts = args.map(asString);
    return texts.some((t) => t === UNKNOWN) ? UNKNOWN : fn(...texts);
};
/** Pure standard functions that bake files use in conditions and names; any other call is UNKNOWN. */
const BUILTINS = {
    lower: strings((s) => s.toLowerCase()),
    upper: strings((s) => s.toUpperCase()),
    trimspace: strings((s) => s.trim()),
    trimprefix: strings((s, p) => (s.startsWith(p) ? s.slice(p.length) : s)),
    trimsuffix: strings((s, p) => (p !== '' && s.endsWith(p) ? s.slice(0, -p.length) : s)),
    split: strings((sep, s) => (s === '' ? [] : s.split(sep))),
    // A /pattern/ is a regular expression in HCL's (Go) syntax: not ours to run.
    replace: strings((s, search, by) => (search.length > 1 && search.startsWith('/') && search.endsWith('/') ? UNKNOWN : s.split(search).join(by))),
    join: ([sep, ...lists]) => {
        const separator = asString(orUnknown(sep));
        const items = lists.flatMap((l) => (Array.isArray(l) ? l : [UNKNOWN])).map(asString);
        if (separator === UNKNOWN || items.some((i) => i === UNKNOWN))
            return UNKNOWN;
        return items.join(separator);
    },
    equal: ([a, b]) => (hasUnknown(orUnknown(a)) || hasUnknown(orUnknown(b)) ? UNKNOWN : equal(a, b)),
    notequal: ([a, b]) => (hasUnknown(orUnknown(a)) || hasUnknown(orUnknown(b)) ? UNKNOWN : !equal(a, b)),
    not: ([a]) => {
        const b = asBool(orUnknown(a));
        return b === UNKNOWN ? UNKNOWN : !b;
    },
    and: (args) => logic(args, true),
    or: (args) => logic(args, false),
    concat: (lists) => (lists.every(Array.isArray) ? lists.flat() : UNKNOWN),
    coalesce: (args) => {
        for (const a of args) {
            if (a === UNKNOWN)
                return UNKNOWN;
            if (a !== null && a !== '')
                return a;
        }
        return UNKNOWN;
    }
};
/** `and`/`or` over booleans: a decided operand decides, even next to an unknown one. */
function logic(args, isAnd) {
    let unknown = false;
    for (const a of args) {
        const b = asBool(a);
        if (b === UNKNOWN)
            unknown = true;
        else if (b !== isAnd)
            return !isAnd;
    }
    return unknown ? UNKNOWN : isAnd;
}
/** A missing name or element is unknown; a null one is null. */
function orUnknown(value) {
    return value === undefined ? UNKNOWN : value;
}
function evaluate(expr, scope, depth = 0) {
    switch (expr.kind) {
        case 'literal':
            return expr.value;
        case 'unknown':
            return UNKNOWN;
        case 'template': {
            if (expr.unknown)
                return UNKNOWN;
            // A template that is one interpolation is its value, not its text (HCL keeps the type).
            if (expr.parts.length === 1 && typeof expr.parts[0] !== 'string')
                return evaluate(expr.parts[0], scope, depth);
            let text = '';
            for (const part of expr.parts) {
                const piece = typeof part === 'string' ? part : asString(evaluate(part, scope, depth));
                if (piece === UNKNOWN)
                    return UNKNOWN;
                text += piece;
            }
            return text;
        }
        case 'variable':
            return orUnknown(scope.lookup(expr.name));
        case 'tuple':
            return expr.items.map((item) => evaluate(item, scope, depth));
        case 'object': {
            const object = emptyObject();
            for (const { key, value } of expr.items) {
                const name = asString(evaluate(key, scope, depth));
                if (name === UNKNOWN)
                    return UNKNOWN;
                object[name] = evaluate(value, scope, depth);
            }
            return object;
        }
        case 'call':
            return call(expr, scope, depth);
        case 'unary': {
            const operand = evaluate(expr.operand, scope, depth);
            if (expr.op === '!') {
                const b = asBool(operand);
                return b === UNKNOWN ? UNKNOWN : !b;
            }
            const n = asNumber(operand);
            return n === UNKNOWN ? UNKNOWN : -n;
        }
        case 'binary':
            return binary(expr.op, evaluate(expr.left, scope, depth), () => evaluate(expr.right, scope, depth));
        case 'conditional': {
            const test = asBool(evaluate(expr.test, scope, depth));
            if (test === UNKNOWN)
                return UNKNOWN;
            return evaluate(test ? expr.then : expr.otherwise, scope, depth);
        }
        case 'index': {
            const target = evaluate(expr.target, scope, depth);
            const index = evaluate(expr.index, scope, depth);
            if (Array.isArray(target)) {
                const n = asNumber(index);
                return n === UNKNOWN || !Number.isInteger(n) ? UNKNOWN : orUnknown(target[n]);
            }
            if (isObject(target)) {
                const key = asString(index);
                return key === UNKNOWN ? UNKNOWN : orUnknown(target[key]);
            }
            return UNKNOWN;
        }
        case 'attr': {
            const target = evaluate(expr.target, scope, depth);
            return isObject(target) ? orUnknown(target[expr.name]) : UNKNOWN;
        }
    }
}
function binary(op, left, right) {
    if (op === '&&' || op === '||') {
        const l = asBool(left);
        // false && x, true || x: decided without the right side.
        if (l !== UNKNOWN && l === (op === '||'))
            return l;
        const r = asBool(right());
        if (r === UNKNOWN)
            return UNKNOWN;
        if (l === UNKNOWN)
            return r === (op === '||') ? r : UNKNOWN;
        return r;
    }
    const r = right();
    if (op === '==' || op === '!=') {
        if (hasUnknown(left) || hasUnknown(r))
            return UNKNOWN;
        return equal(left, r) === (op === '==');
    }
    const a = asNumber(left);
    const b = asNumber(r);
    if (a === UNKNOWN || b === UNKNOWN)
        return UNKNOWN;
    switch (op) {
        case '<':
            return a < b;
        case '>':
            return a > b;
        case '<=':
            return a <= b;
        case '>=':
            return a >= b;
        case '+':
            return a + b;
        case '-':
            return a - b;
        case '*':
            return a * b;
        case '/':
            return b === 0 ? UNKNOWN : a / b;
        case '%':
            return b === 0 ? UNKNOWN : a % b;
        default:
            return UNKNOWN;
    }
}
function call(expr, scope, depth) {
    if (expr.expand)
        return UNKNOWN;
    const args = expr.args.map((a) => evaluate(a, scope, depth));
    const user = scope.functions.get(expr.name);
    if (user !== undefined) {
        if (depth >= MAX_CALL_DEPTH)
            return UNKNOWN;
        const bound = new Map();
        user.params.forEach((p, i) => bound.set(p, orUnknown(args[i])));
        if (user.variadic !== null)
            bound.set(user.variadic, args.slice(user.params.length));
        const inner = { lookup: (name) => (bound.has(name) ? bound.get(name) : scope.lookup(name)), functions: scope.functions };
        return evaluate(user.result, inner, depth + 1);
    }
    return Object.hasOwn(BUILTINS, expr.name) ? BUILTINS[expr.name](args) : UNKNOWN;
}

;// CONCATENATED MODULE: ./src/builds/hcl.ts
/**
 * An HCL2 parser for bake files: bodies of attributes and blocks, and the whole expression syntax
 * (templates with `${}`, heredocs `<<EOT`/`<<-EOT`, tuples, objects, operators, conditionals,
 * function calls, traversals; `for` expressions and `%{}` directives are kept as unknown values).
 * Comments `#`, `//` and block comments are skipped. Every attribute and block keeps its line.
 *
 * Why our own and not a package from npm: the HCL2 parsers there either drop source positions
 * (hcl2-parser, hcl2-json-parser and @cdktf/hcl2json convert to JSON, so no target has a line; the
 * last is also asynchronous wasm, and the first a 3.8 MB GopherJS build), or come with an editor:
 * codemirror-lang-hcl (a Lezer grammar) bundles and runs, but pulls @codemirror/view and
 * @codemirror/state (about 950 kB in each of our two bundles) for a parser whose errors carry no
 * message. Bake files use a small, stable part of HCL, and we evaluate the values ourselves anyway.
 *
 * Linear in the input; nesting deeper than MAX_DEPTH is a syntax error, not a stack overflow.
 */
const MAX_DEPTH = 200;
class SyntaxError_ extends Error {
    pos;
    constructor(message, pos) {
        super(message);
        this.pos = pos;
    }
}
const BINARY_PRECEDENCE = {
    '||': 1,
    '&&': 2,
    '==': 3,
    '!=': 3,
    '<': 4,
    '>': 4,
    '<=': 4,
    '>=': 4,
    '+': 5,
    '-': 5,
    '*': 6,
    '/': 6,
    '%': 6
};
function isIdentStart(c) {
    return /[A-Za-z_]/.test(c) || c > '\x7f';
}
function isIdentPart(c) {
    return /[A-Za-z0-9_-]/.test(c) || c > '\x7f';
}
class Parser {
    src;
    end;
    pos = 0;
    /** Brackets, parentheses and interpolations open around the cursor: inside them newlines are blanks. */
    depth = 0;
    /** Blocks open around the cursor. */
    depthBlocks = 0;
    constructor(src, end = src.length) {
        this.src = src;
        this.end = end;
    }
    fail(message, pos = this.pos) {
        throw new SyntaxError_(message, pos);
    }
    peek(offset = 0) {
        const i = this.pos + offset;
        return i < this.end ? this.src[i] : '';
    }
    startsWith(text) {
        return this.src.startsWith(text, this.pos) && this.pos + text.length <= this.end;
    }
    /** Skips blanks and comments; newlines too when `newlines` (or when inside brackets). */
    blank(newlines = this.depth > 0) {
        while (this.pos < this.end) {
            const c = this.src[this.pos];
            if (c === ' ' || c === '\t' || c === '\r' || c === '\ufeff')
                this.pos++;
            else if (c === '\n' && newlines)
                this.pos++;
            else if (c === '#' || (c === '/' && this.peek(1) === '/')) {
                while (this.pos < this.end && this.src[this.pos] !== '\n')
                    this.pos++;
            }
            else if (c === '/' && this.peek(1) === '*') {
                const close = this.src.indexOf('*/', this.pos + 2);
                if (close < 0 || close + 2 > this.end)
                    this.fail('unterminated /* comment');
                this.pos = close + 2;
            }
            else
                break;
        }
    }
    ident() {
        const start = this.pos;
        if (!isIdentStart(this.peek()))
            this.fail(`expected a name, found ${this.describe()}`);
        while (this.pos < this.end && isIdentPart(this.src[this.pos]))
            this.pos++;
        return this.src.slice(start, this.pos);
    }
    describe() {
        const c = this.peek();
        if (c === '')
            return 'the end of the file';
        if (c === '\n')
            return 'the end of the line';
        return `'${c}'`;
    }
    expect(c) {
        if (this.peek() !== c)
            this.fail(`expected '${c}', found ${this.describe()}`);
        this.pos++;
    }
    enter() {
        if (++this.depth > MAX_DEPTH)
            this.fail(`nested more than ${MAX_DEPTH} deep`);
    }
    /** A body up to `}` (inside a block) or to the end of the file. */
    body(inBlock, line) {
        const body = { attributes: [], blocks: [] };
        const saved = this.depth;
        this.depth = 0;
        for (;;) {
            this.blank(true);
            if (this.pos >= this.end) {
                if (inBlock)
                    this.fail("unterminated block: expected '}'");
                break;
            }
            if (this.peek() === '}') {
                if (!inBlock)
                    this.fail("unexpected '}'");
                break;
            }
            const start = this.pos;
            const name = this.ident();
            this.blank(false);
            if (this.peek() === '=' && this.peek(1) !== '=') {
                this.pos++;
                this.blank(false);
                const expr = this.expression();
                body.attributes.push({ name, expr, line: line(start) });
                this.blank(false);
                const next = this.peek();
                if (next !== '\n' && next !== '' && !(next === '}' && inBlock))
                    this.fail(`expected the end of the line after attribute ${name}, found ${this.describe()}`);
                continue;
            }
            const labels = [];
            while (this.peek() === '"' || isIdentStart(this.peek())) {
                if (this.peek() === '"') {
                    const label = this.quoted();
                    const text = label.parts.length === 0 ? '' : label.parts.length === 1 && typeof label.parts[0] === 'string' ? label.parts[0] : null;
                    if (text === null)
                        this.fail('a block label cannot hold an interpolation');
                    labels.push(text);
                }
                else
                    labels.push(this.ident());
                this.blank(false);
            }
            if (this.peek() !== '{')
                this.fail(`expected '=' or a block after ${name}, found ${this.describe()}`);
            this.pos++;
            this.enterBlock();
            const inner = this.body(true, line);
            this.depthBlocks--;
            this.expect('}');
            body.blocks.push({ type: name, labels, body: inner, line: line(start) });
        }
        this.depth = saved;
        return body;
    }
    enterBlock() {
        if (++this.depthBlocks > MAX_DEPTH)
            this.fail(`blocks nested more than ${MAX_DEPTH} deep`);
    }
    expression() {
        const test = this.binary(1);
        this.blank();
        if (this.peek() !== '?')
            return test;
        this.pos++;
        this.blank();
        const then = this.expression();
        this.blank();
        this.expect(':');
        this.blank();
        const otherwise = this.expression();
        return { kind: 'conditional', test, then, otherwise };
    }
    operator() {
        const two = this.src.slice(this.pos, this.pos + 2);
        if (two === '&&' || two === '||' || two === '==' || two === '!=' || two === '<=' || two === '>=')
            return two;
        const one = this.peek();
        // `=>` belongs to `for` expressions, `<<` to heredocs.
        if ((one === '<' || one === '>') && (this.peek(1) === '<' || this.peek(1) === '='))
            return null;
        if ('+-*/%<>'.includes(one) && one !== '')
            return one;
        return null;
    }
    binary(minPrecedence) {
        let left = this.unary();
        for (;;) {
            this.blank();
            const op = this.operator();
            const precedence = op === null ? 0 : (BINARY_PRECEDENCE[op] ?? 0);
            if (op === null || precedence < minPrecedence)
                return left;
            this.pos += op.length;
            this.blank();
            const right = this.binary(precedence + 1);
            left = { kind: 'binary', op, left, right };
        }
    }
    unary() {
        const c = this.peek();
        if (c === '!' || c === '-') {
            this.pos++;
            this.blank();
            this.enter();
            const operand = this.unary();
            this.depth--;
            return { kind: 'unary', op: c, operand };
        }
        return this.postfix(this.primary());
    }
    postfix(target) {
        for (;;) {
            // A traversal never starts a new line outside brackets.
            const save = this.pos;
            this.blank();
            const c = this.peek();
            if (c === '.' && this.peek(1) === '*') {
                this.pos += 2;
                target = { kind: 'unknown', text: 'splat' };
            }
            else if (c === '.' && /[0-9]/.test(this.peek(1))) {
                this.pos++;
                const start = this.pos;
                while (/[0-9]/.test(this.peek()))
                    this.pos++;
                target = { kind: 'index', target, index: { kind: 'literal', value: Number(this.src.slice(start, this.pos)) } };
            }
            else if (c === '.' && isIdentStart(this.peek(1))) {
                this.pos++;
                target = { kind: 'attr', target, name: this.ident() };
            }
            else if (c === '[') {
                this.pos++;
                this.enter();
                this.blank();
                if (this.peek() === '*') {
                    this.pos++;
                    this.blank();
                    this.expect(']');
                    target = { kind: 'unknown', text: 'splat' };
                }
                else {
                    const index = this.expression();
                    this.blank();
                    this.expect(']');
                    target = { kind: 'index', target, index };
                }
                this.depth--;
            }
            else {
                this.pos = save;
                return target;
            }
        }
    }
    primary() {
        const c = this.peek();
        if (c === '"')
            return this.simplify(this.quoted());
        if (c === '<' && this.peek(1) === '<')
            return this.simplify(this.heredoc());
        if (/[0-9]/.test(c))
            return this.number();
        if (c === '(') {
            this.pos++;
            this.enter();
            this.blank();
            const inner = this.expression();
            this.blank();
            this.expect(')');
            this.depth--;
            return inner;
        }
        if (c === '[')
            return this.tuple();
        if (c === '{')
            return this.object();
        if (isIdentStart(c)) {
            const name = this.ident();
            if (name === 'true' || name === 'false')
                return { kind: 'literal', value: name === 'true' };
            if (name === 'null')
                return { kind: 'literal', value: null };
            // `provider::ns::fn(...)`: namespaced functions.
            let full = name;
            while (this.startsWith('::')) {
                this.pos += 2;
                full += `::${this.ident()}`;
            }
            const save = this.pos;
            this.blank(false);
            if (this.peek() === '(')
                return this.call(full);
            this.pos = save;
            return { kind: 'variable', name: full };
        }
        this.fail(`expected an expression, found ${this.describe()}`);
    }
    number() {
        const match = /^[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/.exec(this.src.slice(this.pos, Math.min(this.end, this.pos + 64)));
        const text = match?.[0] ?? '';
        this.pos += text.length;
        return { kind: 'literal', value: Number(text) };
    }
    call(name) {
        this.pos++;
        this.enter();
        const args = [];
        let expand = false;
        this.blank();
        while (this.peek() !== ')') {
            args.push(this.expression());
            this.blank();
            if (this.startsWith('...')) {
                this.pos += 3;
                expand = true;
                this.blank();
            }
            if (this.peek() === ',') {
                this.pos++;
                this.blank();
            }
            else if (this.peek() !== ')')
                this.fail(`expected ',' or ')' in the call of ${name}, found ${this.describe()}`);
        }
        this.pos++;
        this.depth--;
        return { kind: 'call', name, args, expand };
    }
    /** `for` right after an opening bracket: a for expression. */
    isFor() {
        return this.startsWith('for') && /[\s]/.test(this.peek(3));
    }
    /** Skips to the bracket that closes the one just opened, over strings and nested brackets. */
    skipBalanced(close) {
        const start = this.pos;
        const stack = [close];
        while (this.pos < this.end && stack.length > 0) {
            const c = this.src[this.pos];
            if (c === '"') {
                this.quoted();
                continue;
            }
            if (c === '#' || (c === '/' && (this.peek(1) === '/' || this.peek(1) === '*'))) {
                this.blank(true);
                continue;
            }
            if (c === '(' || c === '[' || c === '{')
                stack.push(c === '(' ? ')' : c === '[' ? ']' : '}');
            else if (c === ')' || c === ']' || c === '}') {
                if (stack.pop() !== c)
                    this.fail(`unexpected '${c}'`);
            }
            this.pos++;
        }
        if (stack.length > 0)
            this.fail(`expected '${close}', found the end of the file`);
        return this.src.slice(start, this.pos - 1);
    }
    tuple() {
        this.pos++;
        this.enter();
        this.blank();
        if (this.isFor()) {
            const text = this.skipBalanced(']');
            this.depth--;
            return { kind: 'unknown', text: `[${text}]` };
        }
        const items = [];
        while (this.peek() !== ']') {
            items.push(this.expression());
            this.blank();
            if (this.peek() === ',') {
                this.pos++;
                this.blank();
            }
            else if (this.peek() !== ']')
                this.fail(`expected ',' or ']' in a list, found ${this.describe()}`);
        }
        this.pos++;
        this.depth--;
        return { kind: 'tuple', items };
    }
    object() {
        this.pos++;
        this.enter();
        this.blank();
        if (this.isFor()) {
            const text = this.skipBalanced('}');
            this.depth--;
            return { kind: 'unknown', text: `{${text}}` };
        }
        const items = [];
        while (this.peek() !== '}') {
            // A bare name is the key itself, not a variable.
            let key;
            if (isIdentStart(this.peek())) {
                const save = this.pos;
                const name = this.ident();
                this.blank();
                if (this.peek() === '=' || this.peek() === ':')
                    key = { kind: 'literal', value: name };
                else {
                    this.pos = save;
                    key = this.expression();
                }
            }
            else
                key = this.expression();
            this.blank();
            const sep = this.peek();
            if ((sep !== '=' && sep !== ':') || this.peek(1) === '=')
                this.fail(`expected '=' or ':' after an object key, found ${this.describe()}`);
            this.pos++;
            this.blank();
            const value = this.expression();
            items.push({ key, value });
            this.blank();
            if (this.peek() === ',') {
                this.pos++;
                this.blank();
            }
            else if (this.peek() === '')
                this.fail("expected '}', found the end of the file");
        }
        this.pos++;
        this.depth--;
        return { kind: 'object', items };
    }
    /** A quoted template; the cursor is on the opening quote. */
    quoted() {
        const open = this.pos;
        this.pos++;
        const parts = [];
        let text = '';
        let unknown = false;
        for (;;) {
            if (this.pos >= this.end || this.peek() === '\n')
                this.fail('unterminated string', open);
            const c = this.src[this.pos];
            if (c === '"') {
                this.pos++;
                break;
            }
            if (c === '\\') {
                const next = this.peek(1);
                const simple = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' };
                if (next in simple) {
                    text += simple[next];
                    this.pos += 2;
                }
                else if (next === 'u' || next === 'U') {
                    const width = next === 'u' ? 4 : 8;
                    const hex = this.src.slice(this.pos + 2, this.pos + 2 + width);
                    if (!/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== width)
                        this.fail('invalid \\u escape');
                    text += String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff));
                    this.pos += 2 + width;
                }
                else
                    this.fail(`invalid escape \\${next}`);
                continue;
            }
            if ((c === '$' || c === '%') && this.peek(1) === c && this.peek(2) === '{') {
                text += `${c}{`;
                this.pos += 3;
                continue;
            }
            if ((c === '$' || c === '%') && this.peek(1) === '{') {
                if (text !== '')
                    parts.push(text);
                text = '';
                if (c === '$')
                    parts.push(this.interpolation());
                else {
                    this.pos += 2;
                    this.skipBalanced('}');
                    unknown = true;
                }
                continue;
            }
            text += c;
            this.pos++;
        }
        if (text !== '')
            parts.push(text);
        return { kind: 'template', parts, unknown };
    }
    /** `${ expr }` with optional `~` strip markers; the cursor is on the `$`. */
    interpolation() {
        this.pos += 2;
        const saved = this.depth;
        this.enter();
        if (this.peek() === '~')
            this.pos++;
        this.blank();
        const expr = this.expression();
        this.blank();
        if (this.peek() === '~')
            this.pos++;
        this.expect('}');
        this.depth = saved;
        return expr;
    }
    /** `<<EOT` / `<<-EOT` up to a line holding only the marker; the body is a template. */
    heredoc() {
        const open = this.pos;
        this.pos += 2;
        const indent = this.peek() === '-';
        if (indent)
            this.pos++;
        const marker = this.ident();
        while (this.peek() === ' ' || this.peek() === '\t' || this.peek() === '\r')
            this.pos++;
        if (this.peek() !== '\n')
            this.fail('a heredoc marker must end its line');
        this.pos++;
        const lines = [];
        let closed = false;
        while (this.pos < this.end) {
            let eol = this.src.indexOf('\n', this.pos);
            if (eol < 0 || eol > this.end)
                eol = this.end;
            const lineText = this.src.slice(this.pos, eol).replace(/\r$/, '');
            if (lineText.trim() === marker) {
                // The marker line ends the heredoc; what follows it on the same line is the next token.
                this.pos = this.pos + lineText.indexOf(marker) + marker.length;
                closed = true;
                break;
            }
            lines.push(lineText);
            this.pos = Math.min(eol + 1, this.end);
        }
        if (!closed)
            this.fail(`unterminated heredoc: no line with ${marker}`, open);
        let body = lines;
        if (indent) {
            const widths = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0);
            const strip = widths.length === 0 ? 0 : Math.min(...widths);
            body = lines.map((l) => l.slice(Math.min(strip, /^[ \t]*/.exec(l)?.[0].length ?? 0)));
        }
        const content = body.length === 0 ? '' : `${body.join('\n')}\n`;
        return templateOf(content);
    }
    /** A template that is one literal chunk is that string. */
    simplify(template) {
        if (template.unknown)
            return template;
        if (template.parts.length === 0)
            return { kind: 'literal', value: '' };
        if (template.parts.length === 1 && typeof template.parts[0] === 'string')
            return { kind: 'literal', value: template.parts[0] };
        return template;
    }
}
/** A template body (a heredoc's, or a JSON bake file's string): literal text with `${}`, no escapes. */
function templateOf(content) {
    const parser = new Parser(content);
    const parts = [];
    let text = '';
    let unknown = false;
    try {
        while (parser.pos < content.length) {
            const c = content[parser.pos];
            if ((c === '$' || c === '%') && parser.peek(1) === c && parser.peek(2) === '{') {
                text += `${c}{`;
                parser.pos += 3;
            }
            else if (c === '$' && parser.peek(1) === '{') {
                if (text !== '')
                    parts.push(text);
                text = '';
                parts.push(parser.interpolation());
            }
            else if (c === '%' && parser.peek(1) === '{') {
                parser.pos += 2;
                parser.skipBalanced('}');
                unknown = true;
            }
            else {
                text += c;
                parser.pos++;
            }
        }
    }
    catch {
        // An interpolation we cannot parse: the value is unknown, the file still reads.
        return { kind: 'template', parts: [], unknown: true };
    }
    if (text !== '')
        parts.push(text);
    return { kind: 'template', parts, unknown };
}
/** Line starts of a text, for offset → 1-based line. */
function lineIndex(text) {
    const starts = [0];
    for (let i = 0; i < text.length; i++)
        if (text.charCodeAt(i) === 10)
            starts.push(i + 1);
    return (pos) => {
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (starts[mid] <= pos)
                lo = mid;
            else
                hi = mid - 1;
        }
        return lo + 1;
    };
}
function parseHcl(text) {
    const line = lineIndex(text);
    const parser = new Parser(text);
    try {
        return { ok: true, body: parser.body(false, line) };
    }
    catch (err) {
        if (err instanceof SyntaxError_)
            return { ok: false, message: err.message, line: line(err.pos) };
        throw err;
    }
}

;// CONCATENATED MODULE: ./src/builds/jsonc.ts
/**
 * JSON with comments (`//`, block comments) and trailing commas, as devcontainer.json allows,
 * keeping the line of every value and key. Plain JSON (a bake .json file) reads the same way.
 */

const jsonc_MAX_DEPTH = 500;
class JsonError extends Error {
    pos;
    constructor(message, pos) {
        super(message);
        this.pos = pos;
    }
}
function parseJsonc(text) {
    const line = lineIndex(text);
    let pos = 0;
    let depth = 0;
    const fail = (message, at = pos) => {
        throw new JsonError(message, at);
    };
    const describe = () => (pos >= text.length ? 'the end of the file' : `'${text[pos]}'`);
    const blank = () => {
        while (pos < text.length) {
            const c = text[pos];
            if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\ufeff')
                pos++;
            else if (c === '/' && text[pos + 1] === '/') {
                while (pos < text.length && text[pos] !== '\n')
                    pos++;
            }
            else if (c === '/' && text[pos + 1] === '*') {
                const close = text.indexOf('*/', pos + 2);
                if (close < 0)
                    fail('unterminated /* comment');
                pos = close + 2;
            }
            else
                break;
        }
    };
    const string = () => {
        const open = pos;
        pos++;
        let out = '';
        let plain = pos;
        for (;;) {
            if (pos >= text.length || text[pos] === '\n')
                fail('unterminated string', open);
            const c = text[pos];
            if (c === '"') {
                out += text.slice(plain, pos);
                pos++;
                return out;
            }
            if (c === '\\') {
                out += text.slice(plain, pos);
                const next = text[pos + 1] ?? '';
                const simple = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '"': '"', '\\': '\\', '/': '/' };
                if (next in simple) {
                    out += simple[next];
                    pos += 2;
                }
                else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
                    out += String.fromCharCode(parseInt(text.slice(pos + 2, pos + 6), 16));
                    pos += 6;
                }
                else
                    fail(`invalid escape \\${next}`);
                plain = pos;
                continue;
            }
            pos++;
        }
    };
    const value = () => {
        blank();
        const at = line(pos);
        const c = text[pos];
        if (c === '{' || c === '[') {
            if (++depth > jsonc_MAX_DEPTH)
                fail(`nested more than ${jsonc_MAX_DEPTH} deep`);
            pos++;
            const node = c === '{' ? object(at) : array(at);
            depth--;
            return node;
        }
        if (c === '"')
            return { kind: 'string', line: at, value: string() };
        const word = /^(?:true|false|null|-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)/.exec(text.slice(pos, pos + 64))?.[0];
        if (word === undefined)
            return fail(`expected a value, found ${describe()}`);
        pos += word.length;
        if (word === 'true' || word === 'false')
            return { kind: 'boolean', line: at, value: word === 'true' };
        if (word === 'null')
            return { kind: 'null', line: at };
        return { kind: 'number', line: at, value: Number(word) };
    };
    const object = (at) => {
        const entries = [];
        for (;;) {
            blank();
            if (text[pos] === '}') {
                pos++;
                return { kind: 'object', line: at, entries };
            }
            if (text[pos] !== '"')
                fail(`expected a key or '}', found ${describe()}`);
            const keyLine = line(pos);
            const key = string();
            blank();
            if (text[pos] !== ':')
                fail(`expected ':' after "${key}", found ${describe()}`);
            pos++;
            entries.push({ key, line: keyLine, value: value() });
            blank();
            if (text[pos] === ',')
                pos++;
            else if (text[pos] !== '}')
                fail(`expected ',' or '}', found ${describe()}`);
        }
    };
    const array = (at) => {
        const items = [];
        for (;;) {
            blank();
            if (text[pos] === ']') {
                pos++;
                return { kind: 'array', line: at, items };
            }
            items.push(value());
            blank();
            if (text[pos] === ',')
                pos++;
            else if (text[pos] !== ']')
                fail(`expected ',' or ']', found ${describe()}`);
        }
    };
    try {
        const root = value();
        blank();
        if (pos < text.length)
            fail(`unexpected ${describe()} after the value`);
        return { ok: true, value: root };
    }
    catch (err) {
        if (err instanceof JsonError)
            return { ok: false, message: err.message, line: line(Math.min(err.pos, text.length)) };
        throw err;
    }
}
/** The entry of an object node, or undefined. */
function member(node, key) {
    if (node?.kind !== 'object')
        return undefined;
    // The last one wins, as in JSON.parse.
    for (let i = node.entries.length - 1; i >= 0; i--)
        if (node.entries[i]?.key === key)
            return node.entries[i]?.value;
    return undefined;
}
function stringOf(node) {
    return node?.kind === 'string' ? node.value : undefined;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __nccwpck_require__(8815);
;// CONCATENATED MODULE: ./src/builds/paths.ts
/** Repository paths: POSIX, relative to the root, '.' for the root itself. */
/** `a/./b/../c/` → `a/c`; null when the path climbs out of the repository (`../x` from the root). */
function normalise(path) {
    const parts = [];
    for (const part of path.split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..') {
            if (parts.length === 0)
                return null;
            parts.pop();
        }
        else
            parts.push(part);
    }
    return parts.length === 0 ? '.' : parts.join('/');
}
/**
 * `next` relative to the folder `base` (itself repo-relative); null for an absolute path (`/tmp/x`
 * is outside the checkout; `${{ github.workspace }}/x` is made relative before it gets here).
 */
function joinRepo(base, next) {
    if (next.startsWith('/'))
        return null;
    return normalise(base === '.' ? next : `${base}/${next}`);
}
function dirnameOf(path) {
    const slash = path.lastIndexOf('/');
    return slash < 0 ? '.' : path.slice(0, slash);
}
function basenameOf(path) {
    return path.slice(path.lastIndexOf('/') + 1);
}
/** A build context that is no folder of this repository: a git or HTTP URL, or `-` (stdin). */
function isRemoteContext(context) {
    return /^(?:[a-z][a-z0-9+.-]*:\/\/|git@|github\.com\/)/i.test(context) || context.endsWith('.git') || /\.git#/.test(context);
}
/** Folders whose files are someone else's (vendored modules, installed packages). */
function isVendored(path) {
    return /(?:^|\/)(?:node_modules|vendor|third_party)\//.test(path);
}

;// CONCATENATED MODULE: ./src/builds/compose.ts
/**
 * Compose files: every service with a `build:`, its context relative to the compose file's folder
 * and its Dockerfile relative to the context, as `docker compose build` resolves them. Anchors and
 * `<<:` merge keys are applied; compose's own tags (`!reset`, `!override`) keep their value.
 */


/** `compose.yaml`, `docker-compose.yml`, `compose.prod.yaml`, `docker-compose-ci.yml`, … */
function isComposeFile(path) {
    return /(?:^|\/)(?:docker-)?compose(?:[.-][^/]*)?\.ya?ml$/i.test(path);
}
/**
 * Compose interpolation as far as the file says: `$$` is `$`, `${VAR:-x}` and `${VAR-x}` are
 * their default; any other variable is unknown (null), since its value comes from the environment.
 */
function interpolateCompose(text) {
    let out = '';
    let i = 0;
    while (i < text.length) {
        const c = text[i];
        if (c !== '$') {
            out += c;
            i++;
            continue;
        }
        const next = text[i + 1];
        if (next === '$') {
            out += '$';
            i += 2;
        }
        else if (next === '{') {
            // Find the matching brace: defaults may hold further `${…}`.
            let depth = 1;
            let j = i + 2;
            while (j < text.length && depth > 0) {
                if (text[j] === '{')
                    depth++;
                else if (text[j] === '}')
                    depth--;
                j++;
            }
            if (depth > 0)
                return null;
            const inner = text.slice(i + 2, j - 1);
            const match = /^[A-Za-z_][A-Za-z0-9_]*(:?-)([\s\S]*)$/.exec(inner);
            if (match === null)
                return null;
            const fallback = interpolateCompose(match[2]);
            if (fallback === null)
                return null;
            out += fallback;
            i = j;
        }
        else if (next !== undefined && /[A-Za-z_]/.test(next))
            return null;
        else {
            out += c;
            i++;
        }
    }
    return out;
}
function scalarText(value) {
    if (typeof value === 'string')
        return interpolateCompose(value);
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    return null;
}
function composeArgs(value) {
    const args = {};
    if (Array.isArray(value)) {
        for (const item of value) {
            if (typeof item !== 'string')
                continue;
            const eq = item.indexOf('=');
            // `- NAME` alone takes the value from the environment.
            if (eq < 0)
                args[item] = null;
            else
                args[item.slice(0, eq)] = interpolateCompose(item.slice(eq + 1));
        }
    }
    else if (value !== null && typeof value === 'object') {
        for (const [key, v] of Object.entries(value))
            args[key] = v === null || v === undefined ? null : scalarText(v);
    }
    return args;
}
function present(value) {
    if (value === undefined || value === null)
        return false;
    if (Array.isArray(value))
        return value.length > 0;
    return value !== '';
}
function readCompose(file, text) {
    const notes = [];
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter, merge: true, uniqueKeys: false });
    const lineAt = (offset) => lineCounter.linePos(offset).line;
    const error = doc.errors[0];
    if (error !== undefined) {
        notes.push({ file, line: lineAt(error.pos[0]), message: `invalid YAML: ${error.message.split('\n')[0] ?? ''}` });
        return { builds: [], notes };
    }
    let data;
    try {
        data = doc.toJS({ maxAliasCount: 1000 });
    }
    catch (err) {
        // A bad merge key or an alias bomb: the parser accepts the text, building its value fails.
        notes.push({ file, line: 1, message: `invalid YAML: ${err instanceof Error ? err.message : String(err)}` });
        return { builds: [], notes };
    }
    const services = data?.services;
    if (services === null || typeof services !== 'object' || Array.isArray(services))
        return { builds: [], notes };
    // Service lines come from the document; values from toJS, which applies the merge keys.
    const serviceLines = new Map();
    const servicesNode = doc.get('services', true);
    if ((0,dist/* isMap */.jh)(servicesNode)) {
        for (const pair of servicesNode.items) {
            if ((0,dist/* isScalar */.jn)(pair.key) && pair.key.range)
                serviceLines.set(String(pair.key.value), lineAt(pair.key.range[0]));
        }
    }
    const folder = dirnameOf(file);
    const builds = [];
    for (const [name, raw] of Object.entries(services)) {
        if (raw === null || typeof raw !== 'object')
            continue;
        const service = raw;
        const build = service.build;
        if (build === undefined || build === null)
            continue;
        const line = serviceLines.get(name) ?? 1;
        const spec = (typeof build === 'string' ? { context: build } : typeof build === 'object' ? build : {});
        const contextText = spec.context === undefined ? '.' : scalarText(spec.context);
        let context = null;
        if (contextText !== null && isRemoteContext(contextText))
            notes.push({ file, line, message: `service ${name} builds the remote context ${contextText}: its Dockerfile is not in the repository` });
        else if (contextText !== null) {
            context = joinRepo(folder, contextText);
            if (context === null)
                notes.push({ file, line, message: `service ${name} builds the context ${contextText}, which is outside the repository` });
        }
        const inline = typeof spec.dockerfile_inline === 'string';
        const dockerfileText = spec.dockerfile === undefined ? 'Dockerfile' : scalarText(spec.dockerfile);
        const dockerfile = inline || context === null || dockerfileText === null ? null : joinRepo(context, dockerfileText);
        const targetGiven = spec.target !== undefined && spec.target !== null;
        const platforms = Array.isArray(spec.platforms) ? spec.platforms.map(scalarText).filter((p) => p !== null) : [];
        builds.push({
            service: name,
            line,
            context,
            dockerfile,
            inline,
            target: targetGiven ? scalarText(spec.target) : null,
            targetGiven,
            args: composeArgs(spec.args),
            platforms,
            image: typeof service.image === 'string',
            ports: present(service.ports),
            command: present(service.command) || present(service.entrypoint)
        });
    }
    return { builds, notes };
}

;// CONCATENATED MODULE: ./src/builds/bake.ts
/**
 * Bake definitions: HCL and JSON bake files (and compose files, which bake reads as targets), merged
 * in bake's order, with variables, user functions, `inherits` and groups resolved. Paths follow
 * buildx: a target's context is relative to the folder bake runs in, its Dockerfile relative to
 * the context.
 */





/** Bake's own lookup order when no file is given (later files override earlier ones). */
const DEFAULT_BAKE_FILES = [
    'compose.yaml',
    'compose.yml',
    'docker-compose.yml',
    'docker-compose.yaml',
    'docker-bake.json',
    'docker-bake.hcl',
    'docker-bake.override.json',
    'docker-bake.override.hcl'
];
/** Attributes whose maps merge key by key across files and `inherits`; the rest are replaced. */
const MERGED = new Set(['args', 'labels', 'contexts', 'annotations']);
/** Targets one `matrix` may stand for. */
const MAX_MATRIX_TARGETS = 256;
function emptyProject() {
    return { files: [], variables: new Map(), functions: new Map(), targets: new Map(), groups: new Map() };
}
function literal(value) {
    if (value === UNKNOWN)
        return { kind: 'unknown', text: '' };
    if (Array.isArray(value))
        return { kind: 'tuple', items: value.map(literal) };
    if (value !== null && typeof value === 'object')
        return { kind: 'object', items: Object.entries(value).map(([k, v]) => ({ key: { kind: 'literal', value: k }, value: literal(v) })) };
    return { kind: 'literal', value };
}
function addBody(project, file, body) {
    for (const block of body.blocks) {
        const name = block.labels[0];
        if (name === undefined)
            continue;
        const attributes = new Map(block.body.attributes.map((a) => [a.name, a.expr]));
        if (block.type === 'variable')
            project.variables.set(name, { expr: attributes.get('default') ?? null, line: block.line });
        else if (block.type === 'function') {
            const params = attributes.get('params');
            const result = attributes.get('result');
            const names = params?.kind === 'tuple' ? params.items.map((p) => (p.kind === 'variable' ? p.name : '')) : [];
            const variadic = attributes.get('variadic_param');
            if (result !== undefined)
                project.functions.set(name, { params: names, variadic: variadic?.kind === 'variable' ? variadic.name : null, result });
        }
        else if (block.type === 'target') {
            const layers = project.targets.get(name) ?? [];
            layers.push({ file, line: block.line, attributes, resolved: false });
            project.targets.set(name, layers);
        }
        else if (block.type === 'group') {
            const targets = attributes.get('targets');
            const group = project.groups.get(name) ?? { file, line: block.line, targets: [] };
            if (targets !== undefined)
                group.targets.push(targets);
            project.groups.set(name, group);
        }
    }
}
/** A JSON value as an expression: its strings are templates (bake interpolates `${}` in JSON too). */
function jsonExpr(node) {
    switch (node.kind) {
        case 'string': {
            const template = templateOf(node.value);
            return template.parts.length === 1 && typeof template.parts[0] === 'string' ? { kind: 'literal', value: node.value } : template;
        }
        case 'number':
        case 'boolean':
            return { kind: 'literal', value: node.value };
        case 'null':
            return { kind: 'literal', value: null };
        case 'array':
            return { kind: 'tuple', items: node.items.map(jsonExpr) };
        case 'object':
            return { kind: 'object', items: node.entries.map((e) => ({ key: { kind: 'literal', value: e.key }, value: jsonExpr(e.value) })) };
    }
}
/** The JSON form of a bake file, as the same blocks the HCL form has. */
function jsonBody(root) {
    const body = { attributes: [], blocks: [] };
    if (root.kind !== 'object')
        return body;
    for (const section of root.entries) {
        if (section.value.kind !== 'object')
            continue;
        for (const entry of section.value.entries) {
            const attributes = entry.value.kind === 'object' ? entry.value.entries.map((a) => ({ name: a.key, expr: jsonExpr(a.value), line: a.line })) : [];
            // `"function": {"f": {"params": ["a"]}}`: parameter names are strings there.
            if (section.key === 'function') {
                for (const a of attributes) {
                    if (a.name === 'params' && a.expr.kind === 'tuple')
                        a.expr = { kind: 'tuple', items: a.expr.items.map((p) => (p.kind === 'literal' ? { kind: 'variable', name: String(p.value) } : p)) };
                    if (a.name === 'result' && a.expr.kind === 'literal' && typeof a.expr.value === 'string')
                        a.expr = templateOf(`\${${a.expr.value}}`);
                }
            }
            body.blocks.push({ type: section.key, labels: [entry.key], body: { attributes, blocks: [] }, line: entry.line });
        }
    }
    return body;
}
function composeLayer(file, build) {
    const attributes = new Map();
    attributes.set('context', literal(build.context ?? UNKNOWN));
    attributes.set('dockerfile', literal(build.inline ? null : (build.dockerfile ?? UNKNOWN)));
    if (build.inline)
        attributes.set('dockerfile-inline', literal('(compose)'));
    if (build.targetGiven)
        attributes.set('target', literal(build.target ?? UNKNOWN));
    const args = emptyObject();
    for (const [k, v] of Object.entries(build.args))
        args[k] = v ?? UNKNOWN;
    attributes.set('args', literal(args));
    if (build.platforms.length > 0)
        attributes.set('platforms', literal(build.platforms));
    return { file, line: build.line, attributes, resolved: true };
}
/**
 * Adds one file to a project. Returns a note when it cannot be read or parsed (the file then adds
 * nothing, as bake would refuse it).
 */
function addBakeFile(project, file, text) {
    project.files.push(file);
    const name = basenameOf(file).toLowerCase();
    if (/\.ya?ml$/.test(name)) {
        const compose = readCompose(file, text);
        if (compose.notes.length > 0 && compose.builds.length === 0)
            return compose.notes[0] ?? null;
        const group = project.groups.get('default') ?? { file, line: 1, targets: [] };
        group.targets.push(literal(compose.builds.map((b) => b.service)));
        project.groups.set('default', group);
        for (const build of compose.builds) {
            const layers = project.targets.get(build.service) ?? [];
            layers.push(composeLayer(file, build));
            project.targets.set(build.service, layers);
        }
        return null;
    }
    if (name.endsWith('.json')) {
        const json = parseJsonc(text);
        if (!json.ok)
            return { file, line: json.line, message: `invalid JSON bake file: ${json.message}` };
        addBody(project, file, jsonBody(json.value));
        return null;
    }
    const hcl = parseHcl(text);
    if (!hcl.ok)
        return { file, line: hcl.line, message: `invalid HCL: ${hcl.message}` };
    addBody(project, file, hcl.body);
    return null;
}
/** Reads the given bake files of the repository into one project; missing files are notes. */
function loadBake(files, paths, notes, from) {
    const project = emptyProject();
    for (const path of paths) {
        const text = files.read(path);
        if (text === null) {
            notes.push({ ...from, message: `bake file ${path} is not in the repository` });
            continue;
        }
        const note = addBakeFile(project, path, text);
        if (note !== null)
            notes.push(note);
    }
    return project;
}
/** The default bake files that exist in a folder, in bake's order. */
function defaultBakeFiles(all, folder, withCompose = true) {
    return DEFAULT_BAKE_FILES.filter((f) => withCompose || !/\.ya?ml$/.test(f))
        .map((f) => (folder === '.' ? f : `${folder}/${f}`))
        .filter((f) => all.has(f));
}
function merge(into, from) {
    for (const [key, value] of from) {
        const old = into.get(key);
        if (MERGED.has(key) && old !== undefined && typeof old === 'object' && old !== null && !Array.isArray(old) && typeof value === 'object' && value !== null && !Array.isArray(value)) {
            const both = emptyObject();
            Object.assign(both, old, value);
            into.set(key, both);
        }
        else
            into.set(key, value);
    }
}
function globToRegExp(pattern) {
    const escaped = pattern.replace(/[.+^$()|{}[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    return new RegExp(`^${escaped}$`);
}
class BakeResolver {
    project;
    notes;
    overrides;
    scope;
    cache = new Map();
    variableCache = new Map();
    /** the project's targets, with `matrix` targets expanded into the targets they name */
    targets;
    /** a matrix target's block name → the names of its expansions */
    expansions = new Map();
    constructor(project, notes, overrides = {}) {
        this.project = project;
        this.notes = notes;
        this.overrides = overrides;
        this.targets = new Map(project.targets);
        const evaluating = new Set();
        this.scope = {
            functions: project.functions,
            lookup: (name) => {
                if (this.variableCache.has(name))
                    return this.variableCache.get(name);
                const variable = project.variables.get(name);
                if (variable === undefined)
                    return undefined;
                let value;
                const override = overrides.variables?.[name];
                if (override !== undefined)
                    value = override ?? UNKNOWN;
                else if (variable.expr === null)
                    value = '';
                else if (evaluating.has(name))
                    value = UNKNOWN;
                else {
                    evaluating.add(name);
                    value = evaluate(variable.expr, this.scope);
                    evaluating.delete(name);
                }
                this.variableCache.set(name, value);
                return value;
            }
        };
        this.expandMatrices();
    }
    has(name) {
        return this.targets.has(name);
    }
    /** Every target name, matrix targets as their expansions. */
    names() {
        return [...this.targets.keys()];
    }
    scopeWith(bindings) {
        if (bindings === undefined)
            return this.scope;
        return { functions: this.scope.functions, lookup: (name) => (bindings.has(name) ? bindings.get(name) : this.scope.lookup(name)) };
    }
    /** `matrix = { v = ["a", "b"] }` with `name = "app-${v}"`: one target per combination. */
    expandMatrices() {
        for (const [name, layers] of [...this.targets]) {
            const layer = layers.find((l) => l.attributes.has('matrix'));
            if (layer === undefined)
                continue;
            const matrix = evaluate(layer.attributes.get('matrix'), this.scope);
            const entries = matrix !== null && typeof matrix === 'object' && !Array.isArray(matrix) ? Object.entries(matrix) : null;
            if (entries === null || entries.some(([, v]) => !Array.isArray(v))) {
                this.notes.push({ file: layer.file, line: layer.line, message: `target ${name} has a matrix whose values are not known: read as one target` });
                continue;
            }
            let combinations = [new Map()];
            for (const [key, values] of entries) {
                combinations = combinations.flatMap((c) => values.map((v) => new Map(c).set(key, v))).slice(0, MAX_MATRIX_TARGETS);
            }
            const generated = [];
            for (const bindings of combinations) {
                const nameExpr = layer.attributes.get('name');
                const text = nameExpr === undefined ? UNKNOWN : asString(evaluate(nameExpr, this.scopeWith(bindings)));
                const generatedName = text === UNKNOWN ? `${name}-${[...bindings.values()].map((v) => String(asString(v) === UNKNOWN ? '?' : asString(v))).join('-')}` : text;
                const attributes = new Map([...layer.attributes].filter(([k]) => k !== 'matrix' && k !== 'name'));
                this.targets.set(generatedName, [{ ...layer, attributes, bindings }]);
                generated.push(generatedName);
            }
            this.targets.delete(name);
            this.expansions.set(name, generated);
        }
    }
    /** Group and target names → target names, in order, once each; names that are neither are returned apart. */
    expand(names) {
        const targets = [];
        const unknown = [];
        const seen = new Set();
        const visit = (name, stack) => {
            const group = this.project.groups.get(name);
            if (group !== undefined && !stack.has(name)) {
                stack.add(name);
                for (const member of this.groupMembers(name))
                    visit(member, stack);
                stack.delete(name);
            }
            else if (this.expansions.has(name)) {
                for (const member of this.expansions.get(name) ?? [])
                    visit(member, stack);
            }
            else if (this.targets.has(name)) {
                if (!seen.has(name)) {
                    seen.add(name);
                    targets.push(name);
                }
            }
            else if (group === undefined && !unknown.includes(name))
                unknown.push(name);
        };
        for (const name of names)
            visit(name, new Set());
        return { targets, unknown };
    }
    /** The names a group lists (null entries: expressions we cannot read). */
    groupMembers(name) {
        const group = this.project.groups.get(name);
        if (group === undefined)
            return [];
        const names = [];
        for (const expr of group.targets) {
            const value = evaluate(expr, this.scope);
            if (!Array.isArray(value))
                continue;
            for (const item of value) {
                const text = asString(item);
                if (text !== UNKNOWN && !names.includes(text))
                    names.push(text);
            }
        }
        return names;
    }
    /** Names of the targets other targets inherit from. */
    inherited() {
        const names = new Set();
        for (const name of this.targets.keys())
            for (const parent of this.parents(name))
                names.add(parent);
        return names;
    }
    parents(name) {
        const layers = this.targets.get(name) ?? [];
        const parents = [];
        for (const layer of layers) {
            const expr = layer.attributes.get('inherits');
            if (expr === undefined)
                continue;
            const value = evaluate(expr, this.scopeWith(layer.bindings));
            if (!Array.isArray(value))
                continue;
            for (const item of value) {
                const text = asString(item);
                if (text !== UNKNOWN)
                    parents.push(text);
            }
        }
        return parents;
    }
    effective(name, stack) {
        const cached = this.cache.get(name);
        if (cached !== undefined)
            return cached;
        const layers = this.targets.get(name);
        if (layers === undefined)
            return null;
        const first = layers[0];
        const own = new Map();
        for (const layer of layers) {
            const values = new Map();
            const scope = this.scopeWith(layer.bindings);
            for (const [key, expr] of layer.attributes)
                if (key !== 'inherits')
                    values.set(key, evaluate(expr, scope));
            merge(own, values);
        }
        const result = new Map();
        for (const parent of this.parents(name)) {
            if (stack.includes(parent)) {
                this.notes.push({ file: first.file, line: first.line, message: `target ${name} inherits ${parent}, which inherits it back` });
                continue;
            }
            const inherited = this.effective(parent, [...stack, name]);
            if (inherited === null)
                this.notes.push({ file: first.file, line: first.line, message: `target ${name} inherits ${parent}, which is not defined` });
            else
                merge(result, inherited);
        }
        merge(result, own);
        this.cache.set(name, result);
        return result;
    }
    /** A target with `inherits` and the `--set` overrides applied; null when no such target. */
    target(name) {
        const attributes = this.effective(name, []);
        const layers = this.targets.get(name);
        if (attributes === null || layers === undefined)
            return null;
        const result = new Map(attributes);
        for (const set of this.overrides.sets ?? []) {
            if (!globToRegExp(set.pattern).test(name))
                continue;
            const value = set.value ?? UNKNOWN;
            if (set.key.startsWith('args.')) {
                const args = emptyObject();
                const old = result.get('args');
                if (old !== undefined && typeof old === 'object' && old !== null && !Array.isArray(old))
                    Object.assign(args, old);
                args[set.key.slice(5)] = value;
                result.set('args', args);
            }
            else if (set.key === 'platform' || set.key === 'output' || set.key === 'tags') {
                result.set(set.key === 'platform' ? 'platforms' : set.key, value === UNKNOWN ? UNKNOWN : String(value).split(',').filter((p) => p !== ''));
            }
            else
                result.set(set.key, value);
        }
        const first = layers[0];
        return { name, file: first.file, line: first.line, resolved: layers.some((l) => l.resolved), attributes: result };
    }
}
/** What a target's outputs say about pushing: true/false, null when unknown or not said. */
function outputsPush(output, push) {
    if (push === true || push === 'true')
        return true;
    if (push === false || push === 'false')
        return false;
    if (output === undefined || output === null)
        return null;
    const entries = Array.isArray(output) ? output : [output];
    if (entries.length === 0)
        return null;
    let unknown = false;
    for (const entry of entries) {
        if (typeof entry === 'object' && entry !== null && !Array.isArray(entry)) {
            const type = entry.type;
            if (type === 'registry' || ((type === 'image' || type === 'oci') && (entry.push === true || entry.push === 'true')))
                return true;
            if (typeof type !== 'string')
                unknown = true;
            continue;
        }
        const text = asString(entry);
        if (text === UNKNOWN) {
            unknown = true;
            continue;
        }
        if (outputPushes(text))
            return true;
    }
    return unknown ? null : false;
}
/** One `--output` / `outputs:` entry: `type=registry`, or `type=image,…,push=true`. */
function outputPushes(output) {
    const fields = new Map(output.split(',').map((f) => {
        const eq = f.indexOf('=');
        return eq < 0 ? [f.trim(), ''] : [f.slice(0, eq).trim(), f.slice(eq + 1).trim()];
    }));
    const type = fields.get('type');
    return type === 'registry' || ((type === 'image' || type === 'oci') && fields.get('push') === 'true');
}
/** A resolved target as paths in the repository; `cwd` is the folder bake runs in. */
function bakeBuild(target, cwd, notes, where) {
    const a = target.attributes;
    const text = (key) => {
        const value = a.get(key);
        if (value === undefined || value === null)
            return undefined;
        const s = asString(value);
        return s === UNKNOWN ? null : s;
    };
    const inline = a.get('dockerfile-inline') !== undefined && a.get('dockerfile-inline') !== null;
    let contextText = text('context');
    if (contextText === undefined)
        contextText = target.resolved ? cwd : '.';
    let context = null;
    if (contextText !== null) {
        contextText = contextText.replace(/^cwd:\/\//, '');
        if (isRemoteContext(contextText))
            notes.push({ ...where, message: `bake target ${target.name} builds the remote context ${contextText}: its Dockerfile is not in the repository` });
        else {
            context = target.resolved ? contextText : joinRepo(cwd, contextText);
            if (context === null)
                notes.push({ ...where, message: `bake target ${target.name} builds the context ${contextText}, which is outside the repository` });
        }
    }
    const given = text('dockerfile');
    const dockerfileText = given === undefined ? 'Dockerfile' : given;
    const dockerfile = inline || context === null || dockerfileText === null ? null : target.resolved ? dockerfileText : joinRepo(context, dockerfileText.replace(/^cwd:\/\//, ''));
    const targetText = text('target');
    const args = {};
    const rawArgs = a.get('args');
    if (rawArgs !== undefined && rawArgs !== null && typeof rawArgs === 'object' && !Array.isArray(rawArgs)) {
        for (const [key, value] of Object.entries(rawArgs)) {
            // A null arg is not passed at all.
            if (value === null)
                continue;
            const s = asString(value);
            args[key] = s === UNKNOWN ? null : s;
        }
    }
    const rawPlatforms = a.get('platforms');
    const platforms = Array.isArray(rawPlatforms) ? rawPlatforms.map(asString).filter((p) => p !== UNKNOWN) : [];
    return {
        dockerfile,
        context,
        target: targetText ?? null,
        targetUnknown: targetText === null,
        args,
        platforms,
        push: outputsPush(a.get('output'), a.get('push')),
        inline
    };
}

;// CONCATENATED MODULE: ./src/builds/devcontainer.ts
/**
 * Dev containers: `devcontainer.json` that builds a Dockerfile (`build.dockerfile`, or the legacy
 * top-level `dockerFile`), both paths relative to the devcontainer.json's folder, or that runs a
 * compose service (`dockerComposeFile` + `service`), whose build the compose file says.
 */



/** `.devcontainer/devcontainer.json`, `.devcontainer/python/devcontainer.json`, `.devcontainer.json`. */
function isDevcontainerFile(path) {
    return /(?:^|\/)\.devcontainer\/(?:.+\/)?devcontainer\.json$/.test(path) || /(?:^|\/)\.devcontainer\.json$/.test(path);
}
/** `${localEnv:X}`, `${localWorkspaceFolder}` and the like are only known when the container starts. */
function plain(text) {
    if (text === undefined)
        return undefined;
    return /\$\{[^}]*\}/.test(text) ? null : text;
}
function argsOf(node) {
    const args = {};
    if (node?.kind !== 'object')
        return args;
    for (const entry of node.entries) {
        const v = entry.value;
        args[entry.key] = v.kind === 'string' ? (plain(v.value) ?? null) : v.kind === 'number' || v.kind === 'boolean' ? String(v.value) : null;
    }
    return args;
}
function lineOf(node, key) {
    if (node.kind !== 'object')
        return node.line;
    return node.entries.find((e) => e.key === key)?.line ?? node.line;
}
function readDevcontainer(files, file, text) {
    const notes = [];
    const parsed = parseJsonc(text);
    if (!parsed.ok)
        return { builds: [], notes: [{ file, line: parsed.line, message: `invalid JSON: ${parsed.message}` }] };
    const root = parsed.value;
    const folder = dirnameOf(file);
    const build = member(root, 'build');
    const legacy = stringOf(member(root, 'dockerFile'));
    const dockerfileText = plain(stringOf(member(build, 'dockerfile')) ?? legacy);
    if (dockerfileText !== undefined) {
        const line = build !== undefined ? lineOf(root, 'build') : lineOf(root, 'dockerFile');
        const contextText = plain(stringOf(member(build, 'context')) ?? stringOf(member(root, 'context'))) ?? '.';
        const context = contextText === null ? null : joinRepo(folder, contextText);
        if (contextText !== null && context === null)
            notes.push({ file, line, message: `the dev container builds the context ${contextText}, which is outside the repository` });
        const target = plain(stringOf(member(build, 'target')));
        return {
            builds: [
                {
                    kind: 'devcontainer',
                    source: { file, line },
                    name: stringOf(member(root, 'name')) ?? folder,
                    dockerfile: dockerfileText === null ? null : joinRepo(folder, dockerfileText),
                    context,
                    target: target ?? null,
                    targetUnknown: target === null,
                    args: argsOf(member(build, 'args')),
                    platforms: [],
                    push: false
                }
            ],
            notes
        };
    }
    const service = stringOf(member(root, 'service'));
    const composeNode = member(root, 'dockerComposeFile');
    const composeFiles = composeNode?.kind === 'string' ? [composeNode.value] : composeNode?.kind === 'array' ? composeNode.items.map((i) => stringOf(i) ?? '') : [];
    if (service === undefined || composeFiles.length === 0)
        return { builds: [], notes };
    const line = lineOf(root, 'service');
    // Later compose files override earlier ones: the last one that builds the service says how.
    let found = null;
    for (const composeText of composeFiles) {
        const path = joinRepo(folder, composeText);
        const content = path === null ? null : files.read(path);
        if (path === null || content === null) {
            notes.push({ file, line: lineOf(root, 'dockerComposeFile'), message: `the dev container names the compose file ${composeText}, which is not in the repository` });
            continue;
        }
        const compose = readCompose(path, content);
        const b = compose.builds.find((x) => x.service === service);
        if (b === undefined)
            continue;
        found = {
            kind: 'devcontainer',
            source: { file, line },
            name: `${stringOf(member(root, 'name')) ?? folder} (service ${service})`,
            dockerfile: b.dockerfile,
            context: b.context,
            target: b.targetGiven ? b.target : null,
            targetUnknown: b.targetGiven && b.target === null,
            args: b.args,
            platforms: b.platforms,
            push: false
        };
    }
    return { builds: found === null ? [] : [found], notes };
}

;// CONCATENATED MODULE: ./src/builds/shell.ts
/** Marks text whose value is unknown (an expression the workflow fills in at run time). */
const UNKNOWN_TEXT = '\uE000';
const MAX_LOOP_EXPANSION = 16;
/** Scans a script into words and operators. */
function lex(script) {
    const tokens = [];
    let i = 0;
    let parts = [];
    let text = '';
    let start = -1;
    /** heredoc delimiters waiting for the end of the current line */
    let heredocs = [];
    const mark = () => {
        if (start < 0)
            start = i;
    };
    const flushText = (quoted = false) => {
        if (text !== '')
            parts.push({ kind: 'text', text, quoted });
        text = '';
    };
    const endWord = () => {
        flushText();
        if (start >= 0)
            tokens.push({ kind: 'word', word: { parts, offset: start } });
        parts = [];
        start = -1;
    };
    /** Skips from an opening `(` (or backtick) to its partner, over quotes and nesting. */
    const skipGroup = (open, close) => {
        let depth = 1;
        while (i < script.length && depth > 0) {
            const c = script[i];
            if (c === '\\')
                i += 2;
            else if (c === "'" && open !== '`') {
                const end = script.indexOf("'", i + 1);
                i = end < 0 ? script.length : end + 1;
            }
            else if (c === '"' && open !== '`') {
                i++;
                while (i < script.length && script[i] !== '"')
                    i += script[i] === '\\' ? 2 : 1;
                i++;
            }
            else {
                if (c === close)
                    depth--;
                else if (c === open && open !== close)
                    depth++;
                i++;
            }
        }
    };
    /** `$NAME`, `${NAME…}`, `$(…)`; the cursor is on the `$`. */
    const dollar = (quoted) => {
        const next = script[i + 1] ?? '';
        if (next === '(') {
            flushText(quoted);
            i += 2;
            skipGroup('(', ')');
            parts.push({ kind: 'unknown' });
        }
        else if (next === '{') {
            flushText(quoted);
            const close = script.indexOf('}', i + 2);
            const inner = close < 0 ? '' : script.slice(i + 2, close);
            i = close < 0 ? script.length : close + 1;
            const match = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-=+?])([\s\S]*))?$/.exec(inner);
            if (match === null)
                parts.push({ kind: 'unknown' });
            else
                parts.push({ kind: 'var', name: match[1], quoted, op: match[2] ?? '', arg: match[3] === undefined ? [] : [{ kind: 'text', text: match[3], quoted: true }] });
        }
        else if (/[A-Za-z_]/.test(next)) {
            flushText(quoted);
            const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(script.slice(i + 1, i + 200));
            i += 1 + match[0].length;
            parts.push({ kind: 'var', name: match[0], quoted, op: '', arg: [] });
        }
        else if (/[0-9@*#?$!-]/.test(next)) {
            flushText(quoted);
            i += 2;
            parts.push({ kind: 'unknown' });
        }
        else {
            text += '$';
            i++;
        }
    };
    const skipHeredocBodies = () => {
        for (const { delimiter, strip } of heredocs) {
            while (i < script.length) {
                let eol = script.indexOf('\n', i);
                if (eol < 0)
                    eol = script.length;
                const line = script.slice(i, eol).replace(/\r$/, '');
                i = Math.min(eol + 1, script.length);
                if ((strip ? line.replace(/^\t+/, '') : line).trim() === delimiter)
                    break;
            }
        }
        heredocs = [];
    };
    while (i < script.length) {
        const c = script[i];
        if (c === '\\' && script[i + 1] === '\n') {
            i += 2;
            continue;
        }
        if (c === '\\' && script[i + 1] === '\r' && script[i + 2] === '\n') {
            i += 3;
            continue;
        }
        if (c === ' ' || c === '\t' || c === '\r') {
            endWord();
            i++;
            continue;
        }
        if (c === '\n') {
            endWord();
            tokens.push({ kind: 'op', op: '\n', offset: i });
            i++;
            if (heredocs.length > 0)
                skipHeredocBodies();
            continue;
        }
        if (c === '#' && start < 0) {
            while (i < script.length && script[i] !== '\n')
                i++;
            continue;
        }
        if (c === "'") {
            mark();
            flushText();
            const end = script.indexOf("'", i + 1);
            const body = script.slice(i + 1, end < 0 ? script.length : end);
            parts.push({ kind: 'text', text: body, quoted: true });
            i = end < 0 ? script.length : end + 1;
            continue;
        }
        if (c === '"') {
            mark();
            flushText();
            i++;
            while (i < script.length && script[i] !== '"') {
                const d = script[i];
                if (d === '\\' && '"\\$`\n'.includes(script[i + 1] ?? '')) {
                    if (script[i + 1] !== '\n')
                        text += script[i + 1];
                    i += 2;
                }
                else if (d === '$')
                    dollar(true);
                else if (d === '`') {
                    flushText(true);
                    i++;
                    skipGroup('`', '`');
                    parts.push({ kind: 'unknown' });
                }
                else {
                    text += d;
                    i++;
                }
            }
            flushText(true);
            // Keep an empty "" as a word of its own.
            if (parts.length === 0)
                parts.push({ kind: 'text', text: '', quoted: true });
            i++;
            continue;
        }
        if (c === '\\') {
            mark();
            text += script[i + 1] ?? '';
            i += 2;
            continue;
        }
        if (c === '$') {
            mark();
            dollar(false);
            continue;
        }
        if (c === '`') {
            mark();
            flushText();
            i++;
            skipGroup('`', '`');
            parts.push({ kind: 'unknown' });
            continue;
        }
        if (c === '<' && script.startsWith('<<<', i)) {
            // A here-string: its word is data.
            endWord();
            i += 3;
            tokens.push({ kind: 'op', op: 'redirect', offset: i });
            continue;
        }
        if (c === '<' && script[i + 1] === '<') {
            endWord();
            i += 2;
            const strip = script[i] === '-';
            if (strip)
                i++;
            while (script[i] === ' ' || script[i] === '\t')
                i++;
            const match = /^(?:'([^'\n]*)'|"([^"\n]*)"|\\?([A-Za-z0-9_.-]+))/.exec(script.slice(i, i + 200));
            if (match !== null) {
                heredocs.push({ delimiter: match[1] ?? match[2] ?? match[3] ?? '', strip });
                i += match[0].length;
            }
            continue;
        }
        if (c === '&' || c === '|' || c === ';' || c === '(' || c === ')') {
            endWord();
            const two = script.slice(i, i + 2);
            const op = two === '&&' || two === '||' || two === ';;' ? two : c;
            tokens.push({ kind: 'op', op, offset: i });
            i += op.length;
            continue;
        }
        if (c === '>' || c === '<') {
            // A redirection: its target is a word we do not need, nor the fd number before it (`2>&1`).
            if (parts.length === 0 && /^\d+$/.test(text)) {
                text = '';
                start = -1;
            }
            endWord();
            i++;
            if (script[i] === '>' || script[i] === '&')
                i++;
            tokens.push({ kind: 'op', op: 'redirect', offset: i });
            continue;
        }
        mark();
        text += c;
        i++;
    }
    endWord();
    return tokens;
}
/**
 * A word's value under `env`, unknown parts as UNKNOWN_TEXT (so `K=$(x)` still says K). A known
 * unquoted value splits on blanks: `$FLAGS` is as many words as it holds.
 */
function evaluateWord(word, env) {
    let value = '';
    let splittable = false;
    for (const part of word.parts) {
        if (part.kind === 'unknown') {
            value += UNKNOWN_TEXT;
            continue;
        }
        if (part.kind === 'text') {
            value += part.text;
            continue;
        }
        const known = env.get(part.name);
        let piece;
        if (part.op === ':-' || part.op === '-') {
            if (known === null)
                piece = null;
            else if (known !== undefined && (known !== '' || part.op === '-'))
                piece = known;
            else
                piece = evaluateWord({ parts: part.arg, offset: word.offset }, env).join(' ');
        }
        else if (part.op === '')
            piece = known ?? null;
        else
            piece = null;
        value += piece ?? UNKNOWN_TEXT;
        if (!part.quoted && piece !== null)
            splittable = true;
    }
    if (splittable && /\s/.test(value))
        return value.split(/\s+/).filter((w) => w !== '');
    return [value];
}
/** A word, or null when any part of it is unknown. */
function known(word) {
    return word === undefined || word.includes(UNKNOWN_TEXT) ? null : word;
}
/** The literal text of a word when it has no expansions (keywords, assignments). */
function literalWord(word) {
    let text = '';
    for (const part of word.parts) {
        if (part.kind !== 'text')
            return null;
        text += part.text;
    }
    return text;
}
const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'while', 'until', '!', '{', '}', 'time']);
const shell_WRAPPERS = new Set(['sudo', 'exec', 'nice', 'nohup', 'command', 'env', 'xargs', 'timeout']);
const DECLARATIONS = new Set(['export', 'local', 'declare', 'readonly', 'typeset']);
/**
 * The simple commands of a script, with words evaluated under `env` (the step's environment).
 * A command inside `for v in a b` is returned once per value of `v` (at most 16).
 */
function shellCommands(script, env) {
    const tokens = lex(script);
    const vars = new Map(env);
    const loops = [];
    const commands = [];
    let words = [];
    const assign = (text, word) => {
        const match = /^([A-Za-z_][A-Za-z0-9_]*)\+?=/.exec(text);
        if (match === null)
            return false;
        const name = match[1];
        const rest = { parts: [], offset: word.offset };
        // Drop the `NAME=` from the word's first text part, keep the rest of its parts.
        let skip = match[0].length;
        for (const part of word.parts) {
            if (skip > 0 && part.kind === 'text') {
                const cut = Math.min(skip, part.text.length);
                skip -= cut;
                if (part.text.length > cut)
                    rest.parts.push({ ...part, text: part.text.slice(cut) });
            }
            else
                rest.parts.push(part);
        }
        const values = evaluateWord({ ...rest, parts: rest.parts.map((p) => (p.kind === 'var' || p.kind === 'text' ? { ...p, quoted: true } : p)) }, vars);
        vars.set(name, match[0].endsWith('+=') ? null : known(values[0] ?? ''));
        return true;
    };
    const finish = () => {
        let list = words;
        words = [];
        // Leading keywords, assignments and wrappers are not the program.
        for (;;) {
            const first = list[0];
            if (first === undefined)
                return;
            const text = literalWord(first);
            if (text === 'for' && list[1] !== undefined) {
                const name = literalWord(list[1]) ?? '';
                const inAt = list.findIndex((w) => literalWord(w) === 'in');
                const items = inAt < 0 ? [null] : list.slice(inAt + 1).flatMap((w) => (literalWord(w) === 'do' ? [] : evaluateWord(w, vars).map(known)));
                loops.push({ name, values: items.length > MAX_LOOP_EXPANSION ? [null] : items });
                const doAt = list.findIndex((w) => literalWord(w) === 'do');
                if (doAt < 0)
                    return;
                list = list.slice(doAt + 1);
                continue;
            }
            if (text === 'done') {
                loops.pop();
                list = list.slice(1);
                continue;
            }
            if (text !== null && (KEYWORDS.has(text) || shell_WRAPPERS.has(text))) {
                list = list.slice(1);
                // A wrapper's own options (`sudo -E`, `timeout 10m`).
                while (list[0] !== undefined && /^-|^\d+[smh]?$/.test(literalWord(list[0]) ?? ''))
                    list = list.slice(1);
                continue;
            }
            if (text !== null && DECLARATIONS.has(text)) {
                for (const w of list.slice(1))
                    assign(w.parts[0]?.kind === 'text' ? w.parts[0].text : '', w);
                return;
            }
            if (text !== null || first.parts[0]?.kind === 'text') {
                const head = first.parts[0]?.kind === 'text' ? first.parts[0].text : '';
                if (/^[A-Za-z_][A-Za-z0-9_]*\+?=/.test(head)) {
                    const rest = list.slice(1);
                    // `NAME=value` alone sets a shell variable; before a program it only sets that program's environment.
                    if (rest.length === 0)
                        assign(head, first);
                    list = rest;
                    continue;
                }
            }
            break;
        }
        const offset = list[0].offset;
        // Expand the loop variables the command uses.
        let bindings = [new Map()];
        for (const loop of loops) {
            if (!list.some((w) => w.parts.some((p) => p.kind === 'var' && p.name === loop.name)))
                continue;
            const next = [];
            for (const b of bindings)
                for (const v of loop.values)
                    next.push(new Map(b).set(loop.name, v));
            bindings = next.length > MAX_LOOP_EXPANSION ? [new Map([[loop.name, null]])] : next;
        }
        for (const binding of bindings) {
            const scope = new Map(vars);
            for (const [k, v] of binding)
                scope.set(k, v);
            commands.push({ argv: list.flatMap((w) => evaluateWord(w, scope)), offset });
        }
    };
    let redirect = false;
    for (const token of tokens) {
        if (token.kind === 'op') {
            if (token.op === 'redirect') {
                redirect = true;
                continue;
            }
            finish();
            continue;
        }
        if (redirect) {
            redirect = false;
            continue;
        }
        words.push(token.word);
    }
    finish();
    return commands;
}

;// CONCATENATED MODULE: ./src/builds/cli-commands.ts
/**
 * Build command lines: `docker build`, `docker buildx build`, `docker image build`, `podman build`,
 * `buildah bud` and `docker buildx bake`, read from their words. Flags are known by name so that a
 * flag's value is never taken for the context; the context is the last operand.
 */


/** Options that take a value (docker/buildx, podman and buildah); every other option is a switch. */
const VALUE_OPTIONS = new Set(('-f --file -t --tag --target --build-arg --platform -o --output --add-host --allow --annotation --attest --build-context --builder ' +
    '--cache-from --cache-to --call --cgroup-parent --iidfile --label --metadata-file --network --no-cache-filter --progress --secret ' +
    '--shm-size --ssh --ulimit -m --memory --memory-swap --cpu-period --cpu-quota -c --cpu-shares --cpuset-cpus --cpuset-mems --isolation ' +
    '--security-opt --sbom --provenance --arch --os --variant --format --authfile --creds --cert-dir --jobs --manifest --userns -v --volume ' +
    '--env --from --runtime --retry --timestamp --unsetenv --device --dns --dns-option --dns-search --decryption-key --sign-by --logfile ' +
    '--cap-add --cap-drop --ignorefile --os-version --os-feature --layer-label --cache-ttl --set -e').split(' '));
/** docker's and podman's own options before the subcommand that take a value. */
const GLOBAL_VALUE_OPTIONS = new Set(['--config', '-c', '--context', '-H', '--host', '-l', '--log-level', '--tlscacert', '--tlscert', '--tlskey', '--connection', '--url', '--identity', '--root', '--runroot', '--storage-driver', '--builder']);
function program(word) {
    if (word === null)
        return null;
    return word.slice(word.lastIndexOf('/') + 1);
}
/** Index of the subcommand after `start`, skipping global options. */
function skipGlobals(argv, start) {
    let i = start;
    while (i < argv.length) {
        const w = argv[i];
        if (!w.startsWith('-'))
            return i;
        i += GLOBAL_VALUE_OPTIONS.has(w) ? 2 : 1;
    }
    return i;
}
function subcommand(argv) {
    const name = program(known(argv[0]));
    if (name === 'docker' || name === 'podman') {
        const tool = name;
        let i = skipGlobals(argv, 1);
        const sub = argv[i];
        if (sub === 'build' || sub === 'builder')
            return sub === 'build' ? { kind: 'build', tool, at: i + 1 } : argv[i + 1] === 'build' ? { kind: 'build', tool, at: i + 2 } : null;
        if (sub === 'image')
            return argv[i + 1] === 'build' ? { kind: 'build', tool, at: i + 2 } : null;
        if (sub === 'bake')
            return { kind: 'bake', at: i + 1 };
        if (sub === 'buildx') {
            i = skipGlobals(argv, i + 1);
            const verb = argv[i];
            if (verb === 'build' || verb === 'b')
                return { kind: 'build', tool, at: i + 1 };
            if (verb === 'bake')
                return { kind: 'bake', at: i + 1 };
        }
        return null;
    }
    if (name === 'buildah') {
        const i = skipGlobals(argv, 1);
        const sub = argv[i];
        return sub === 'bud' || sub === 'build' || sub === 'build-using-dockerfile' ? { kind: 'build', tool: 'buildah', at: i + 1 } : null;
    }
    return null;
}
/** Splits `--flag=value`; a short or long option without `=` takes the next word when it is a value option. */
function options(argv, from) {
    const found = [];
    const operands = [];
    for (let i = from; i < argv.length; i++) {
        const w = argv[i];
        if (w === '--') {
            operands.push(...argv.slice(i + 1));
            break;
        }
        if (w.startsWith('-') && w !== '-' && known(w) !== null) {
            const eq = w.indexOf('=');
            if (eq > 0)
                found.push([w.slice(0, eq), w.slice(eq + 1)]);
            else if (VALUE_OPTIONS.has(w))
                found.push([w, argv[++i] ?? '']);
            else
                found.push([w, '']);
        }
        else
            operands.push(w);
    }
    return { options: found, operands };
}
function parseBuildCommand(argv) {
    const found = subcommand(argv);
    if (found === null)
        return null;
    const { options: opts, operands } = options(argv, found.at);
    if (found.kind === 'bake') {
        // Printing, listing and checking build nothing.
        if (opts.some(([o, v]) => o === '--print' || o === '--list' || o === '--check' || (o === '--call' && v !== 'build')))
            return null;
        const sets = [];
        for (const [o, v] of opts) {
            if (o !== '--set')
                continue;
            const eq = v.indexOf('=');
            const left = eq < 0 ? v : v.slice(0, eq);
            const dot = left.indexOf('.');
            if (dot <= 0 || known(left) === null)
                continue;
            sets.push({ pattern: left.slice(0, dot), key: left.slice(dot + 1), value: eq < 0 ? null : known(v.slice(eq + 1)) });
        }
        const push = opts.some(([o]) => o === '--push') ? true : opts.some(([o]) => o === '--load') ? false : null;
        return { kind: 'bake', files: opts.filter(([o]) => o === '-f' || o === '--file').map(([, v]) => known(v)), targets: operands.map(known), sets, push };
    }
    const args = {};
    let file;
    let target;
    const platforms = [];
    const tags = [];
    let push = null;
    for (const [o, v] of opts) {
        if (o === '-f' || o === '--file')
            file = known(v);
        else if (o === '--target')
            target = known(v);
        else if (o === '-t' || o === '--tag')
            tags.push(known(v));
        else if (o === '--build-arg') {
            const eq = v.indexOf('=');
            const key = eq < 0 ? v : v.slice(0, eq);
            // `--build-arg NAME` alone passes the variable of the environment: unknown here.
            if (known(key) !== null && key !== '')
                args[key] = eq < 0 ? null : known(v.slice(eq + 1));
        }
        else if (o === '--platform' || o === '--arch') {
            const text = known(v);
            if (text !== null)
                platforms.push(...text.split(',').filter((p) => p !== ''));
        }
        else if (o === '--push')
            push = true;
        else if ((o === '-o' || o === '--output') && outputPushes(known(v) ?? ''))
            push = true;
    }
    if (push === null) {
        // Without --push or a registry output the image stays local; a later `docker push` is the caller's to see.
        const unknownOutput = opts.some(([o, v]) => (o === '-o' || o === '--output') && known(v) === null);
        push = unknownOutput ? null : false;
    }
    const last = operands[operands.length - 1];
    return {
        kind: 'build',
        tool: found.tool,
        file,
        context: last === undefined ? undefined : known(last),
        target,
        args,
        platforms,
        push,
        tags
    };
}

;// CONCATENATED MODULE: ./src/builds/expressions.ts
/**
 * GitHub Actions expressions (`${{ … }}`) as far as the workflow file says: `matrix.*` values of
 * the combination being read, `env.*` set in the file, string literals and `github.workspace`.
 * Anything else (secrets, step outputs, inputs, functions) is unknown, written as UNKNOWN_TEXT.
 * And `strategy.matrix` expanded into its combinations, with `exclude` and `include` applied.
 */

/** A matrix value, or its combinations, that an expression decides at run time. */
const UNKNOWN_MATRIX = Symbol('unknown matrix');
function lookupPath(root, path) {
    let value = root;
    for (const key of path) {
        if (value === UNKNOWN_MATRIX)
            return UNKNOWN_MATRIX;
        if (value === null || typeof value !== 'object' || Array.isArray(value))
            return undefined;
        value = Object.hasOwn(value, key) ? value[key] : undefined;
    }
    return value;
}
/** One expression's text value, or null when unknown. */
function evaluateExpression(expression, ctx) {
    const e = expression.trim();
    const literal = /^'((?:[^']|'')*)'$/.exec(e);
    if (literal !== null)
        return literal[1].replace(/''/g, "'");
    if (e === 'github.workspace')
        return '.';
    const path = /^(matrix|env)((?:\.[A-Za-z_][\w-]*|\[\s*'[^']*'\s*\])+)$/.exec(e);
    if (path === null)
        return null;
    const keys = [...path[2].matchAll(/\.([A-Za-z_][\w-]*)|\[\s*'([^']*)'\s*\]/g)].map((m) => (m[1] ?? m[2]));
    if (path[1] === 'env') {
        const value = keys.length === 1 ? ctx.env[keys[0]] : undefined;
        return value === undefined || value.includes(UNKNOWN_TEXT) ? null : value;
    }
    if (ctx.matrix === null)
        return null;
    const value = lookupPath(ctx.matrix, keys);
    // A key the combination lacks is the empty string in GitHub's expressions.
    if (value === undefined || value === null)
        return '';
    if (typeof value === 'string')
        return value.includes('${{') ? null : value;
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    return null;
}
/** Replaces every `${{ … }}` with its value, or UNKNOWN_TEXT. */
function substitute(text, ctx) {
    if (!text.includes('${{'))
        return text;
    let out = '';
    let i = 0;
    for (;;) {
        const open = text.indexOf('${{', i);
        if (open < 0)
            break;
        const close = text.indexOf('}}', open + 3);
        if (close < 0)
            break;
        out += text.slice(i, open);
        const value = evaluateExpression(text.slice(open + 3, close), ctx);
        // A value with a newline would move every later line: keep the lines where they are.
        out += value === null || value.includes('\n') ? UNKNOWN_TEXT : value;
        i = close + 2;
    }
    return out + text.slice(i);
}
/** The matrix keys a text uses (`matrix.target`, `matrix['os']`). */
function matrixKeys(text) {
    const keys = new Set();
    for (const m of text.matchAll(/matrix\s*(?:\.\s*([A-Za-z_][\w-]*)|\[\s*'([^']*)'\s*\])/g))
        keys.add((m[1] ?? m[2]));
    return keys;
}
function deepEqual(a, b) {
    if (a === b)
        return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
        return String(a) === String(b) && typeof a !== 'object' && typeof b !== 'object';
    if (Array.isArray(a) !== Array.isArray(b))
        return false;
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => deepEqual(a[k], b[k]));
}
/** An exclude entry matches when each of its keys does (object values match in part). */
function matches(combination, partial) {
    return Object.entries(partial).every(([k, v]) => {
        const c = combination[k];
        if (v !== null && typeof v === 'object' && !Array.isArray(v) && c !== null && typeof c === 'object')
            return matches(c, v);
        return deepEqual(c, v);
    });
}
/**
 * GitHub's expansion: the product of the keys' lists, minus `exclude`; each `include` entry extends
 * every combination whose original values it does not change, or else is a combination of its own.
 * At most `limit` combinations are produced.
 */
function expandMatrix(matrix, limit) {
    if (matrix === undefined || matrix === null)
        return { combinations: [{}], total: 1, partial: false };
    if (typeof matrix !== 'object' || Array.isArray(matrix))
        return { combinations: null, total: 0, partial: true };
    const spec = matrix;
    let partial = false;
    const keys = [];
    for (const [key, value] of Object.entries(spec)) {
        if (key === 'include' || key === 'exclude')
            continue;
        if (Array.isArray(value))
            keys.push([key, value]);
        else {
            // `${{ fromJson(…) }}` for one key: every combination has an unknown value there.
            keys.push([key, [UNKNOWN_MATRIX]]);
            partial = true;
        }
    }
    const total = keys.reduce((n, [, values]) => n * values.length, 1);
    let combinations = keys.length === 0 ? [] : [{}];
    for (const [key, values] of keys) {
        const next = [];
        for (const c of combinations) {
            for (const v of values) {
                if (next.length >= limit)
                    break;
                next.push({ ...c, [key]: v });
            }
        }
        combinations = next;
    }
    const exclude = spec.exclude;
    if (Array.isArray(exclude))
        combinations = combinations.filter((c) => !exclude.some((e) => e !== null && typeof e === 'object' && matches(c, e)));
    else if (exclude !== undefined)
        partial = true;
    const include = spec.include;
    const original = new Set(keys.map(([k]) => k));
    if (Array.isArray(include)) {
        const base = combinations.map((c) => ({ ...c }));
        for (const entry of include) {
            if (entry === null || typeof entry !== 'object')
                continue;
            const add = entry;
            let extended = false;
            base.forEach((c, i) => {
                const keepsOriginals = Object.entries(add).every(([k, v]) => !original.has(k) || deepEqual(c[k], v));
                if (!keepsOriginals)
                    return;
                Object.assign(combinations[i], add);
                extended = true;
            });
            if (!extended && combinations.length < limit)
                combinations.push({ ...add });
        }
    }
    else if (include !== undefined) {
        partial = true;
        if (keys.length === 0)
            return { combinations: null, total: 0, partial };
    }
    return { combinations, total: Math.max(total, combinations.length), partial };
}
const UNDECIDED = Symbol('undecided');
/** GitHub compares strings without regard to case, and loosely across types. */
function looseEqual(a, b) {
    if (a === UNDECIDED || b === UNDECIDED)
        return UNDECIDED;
    if (typeof a === 'string' && typeof b === 'string')
        return a.toLowerCase() === b.toLowerCase();
    if (typeof a === typeof b)
        return a === b;
    const number = (v) => (v === null ? 0 : typeof v === 'boolean' ? Number(v) : typeof v === 'string' ? (v.trim() === '' ? 0 : Number(v)) : v);
    return number(a) === number(b);
}
function truthy(v) {
    if (v === UNDECIDED)
        return UNDECIDED;
    return v !== null && v !== false && v !== '' && v !== 0;
}
/**
 * Whether a step's `if:` may let it run for this combination: false only when the condition is
 * decided by what the file says (`matrix.target == 'mainline'`, `matrix.args != ''`); any other
 * condition (step outputs, functions, events) may hold.
 */
function mayRun(condition, ctx) {
    if (condition === undefined)
        return true;
    const text = condition.trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1');
    const tokens = text.match(/'(?:[^']|'')*'|[A-Za-z_][\w.-]*(?:\[\s*'[^']*'\s*\])*|==|!=|&&|\|\||[!()<>]=?|\d+(?:\.\d+)?|\S/g) ?? [];
    let i = 0;
    const primary = () => {
        const t = tokens[i++];
        if (t === undefined)
            return UNDECIDED;
        if (t === '!') {
            const v = truthy(primary());
            return v === UNDECIDED ? UNDECIDED : !v;
        }
        if (t === '(') {
            const v = or();
            if (tokens[i] === ')')
                i++;
            return v;
        }
        if (t.startsWith("'"))
            return t.slice(1, -1).replace(/''/g, "'");
        if (t === 'true' || t === 'false')
            return t === 'true';
        if (t === 'null')
            return null;
        if (/^\d/.test(t))
            return Number(t);
        if (tokens[i] === '(') {
            // A function call: skip its arguments, its value is not ours to know.
            let depth = 0;
            while (i < tokens.length) {
                const u = tokens[i++];
                if (u === '(')
                    depth++;
                else if (u === ')' && --depth === 0)
                    break;
            }
            return UNDECIDED;
        }
        if (/^(?:matrix|env)\b/.test(t)) {
            const v = evaluateExpression(t, ctx);
            return v === null ? UNDECIDED : v;
        }
        return UNDECIDED;
    };
    const comparison = () => {
        let left = primary();
        while (tokens[i] === '==' || tokens[i] === '!=') {
            const op = tokens[i++];
            const eq = looseEqual(left, primary());
            left = eq === UNDECIDED ? UNDECIDED : op === '==' ? eq : !eq;
        }
        return left;
    };
    const and = () => {
        let left = comparison();
        while (tokens[i] === '&&') {
            i++;
            const right = comparison();
            const l = truthy(left);
            const r = truthy(right);
            left = l === false || r === false ? false : l === UNDECIDED || r === UNDECIDED ? UNDECIDED : right;
        }
        return left;
    };
    const or = () => {
        let left = and();
        while (tokens[i] === '||') {
            i++;
            const right = and();
            const l = truthy(left);
            const r = truthy(right);
            left = l === true ? left : r === true ? right : l === UNDECIDED || r === UNDECIDED ? UNDECIDED : right;
        }
        return left;
    };
    const result = or();
    // Anything left over (an operator we do not read) leaves the step running.
    if (i < tokens.length)
        return true;
    return truthy(result) !== false;
}

;// CONCATENATED MODULE: ./src/builds/workflow.ts
/**
 * GitHub workflows: steps that use build-push-action (or a fork: depot/, useblacksmith/…) or
 * bake-action, and `run:` steps with build command lines. A job's literal matrix expands into one
 * build per combination of the matrix values a step uses.
 */






/** Builds one step may stand for: enough for any real matrix, bounded for a generated one. */
const MAX_BUILDS_PER_STEP = 256;
function isWorkflowFile(path) {
    return /^\.github\/workflows\/[^/]+\.ya?ml$/.test(path);
}
function note(ctx, where, message) {
    const key = `${where.file}:${where.line}:${message}`;
    if (ctx.noted.has(key))
        return;
    ctx.noted.add(key);
    ctx.notes.push({ file: where.file, line: where.line, message });
}
function get(map, key) {
    return (0,dist/* isMap */.jh)(map) ? map.get(key, true) : undefined;
}
/** A member of a plain value (from the document's toJS, where anchors and merge keys are applied). */
function field(value, ...keys) {
    let v = value;
    for (const key of keys) {
        if (v === null || typeof v !== 'object' || Array.isArray(v) || !Object.hasOwn(v, key))
            return undefined;
        v = v[key];
    }
    return v;
}
function str(value) {
    return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}
function workflow_text(node) {
    if (!(0,dist/* isScalar */.jn)(node))
        return undefined;
    const v = node.value;
    return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}
function envOf(value) {
    const env = {};
    if (value === null || typeof value !== 'object' || Array.isArray(value))
        return env;
    for (const [k, v] of Object.entries(value))
        env[k] = str(v) ?? '';
    return env;
}
/** A comma/newline separated input list, as the docker actions read theirs. */
function inputList(value, commas = true) {
    if (value === undefined)
        return [];
    return value
        .split(commas ? /[\n,]/ : /\n/)
        .map((s) => s.trim())
        .filter((s) => s !== '');
}
function boolInput(value) {
    if (value === undefined || value.trim() === '')
        return undefined;
    const v = value.trim().toLowerCase();
    if (v === 'true')
        return true;
    if (v === 'false')
        return false;
    return null;
}
/** `{{defaultContext}}` (the git context of the repository) and `{{defaultContext}}:sub`. */
function gitContext(context) {
    const match = /^\{\{\s*defaultContext\s*\}\}(?::(.*))?$/.exec(context);
    return match === null ? context : match[1] === undefined || match[1] === '' ? '.' : match[1];
}
function describeValue(v) {
    if (v === undefined || v === null)
        return "''";
    if (typeof v === 'symbol')
        return '?';
    if (typeof v === 'string')
        return v.includes('${{') ? '?' : v;
    if (typeof v === 'number' || typeof v === 'boolean')
        return String(v);
    const json = JSON.stringify(v);
    return json.length > 40 ? `${json.slice(0, 39)}…` : json;
}
function describeCombination(combination, keys) {
    return keys.length === 0 ? '' : ` (${keys.map((k) => `${k}=${describeValue(combination[k])}`).join(', ')})`;
}
function pathOrNull(base, path) {
    if (base === null || path.includes(UNKNOWN_TEXT))
        return null;
    return joinRepo(base, path);
}
/** A path inside another checkout of the job: this repository's path, or null for another repository's. */
function remap(ctx, step, path) {
    if (path === null)
        return null;
    for (const c of [...step.checkouts].reverse()) {
        if (path !== c.path && !path.startsWith(`${c.path}/`))
            continue;
        const rest = path === c.path ? '.' : path.slice(c.path.length + 1);
        if (c.repository === 'self')
            return rest;
        if (c.repository === null) {
            note(ctx, step.where, `${step.baseLabel} builds from ${c.path}, the checkout (line ${c.line}) of a repository named by an expression: its paths are read as this repository's`);
            return rest;
        }
        note(ctx, step.where, `${step.baseLabel} builds from ${c.path}, the checkout (line ${c.line}) of ${c.repository}: not files of this repository`);
        return null;
    }
    return path;
}
/** Checks a context and says why it is none (remote, outside the repository). */
function contextOf(ctx, where, what, cwd, raw) {
    if (raw.includes(UNKNOWN_TEXT) || cwd === null)
        return null;
    if (raw === '-') {
        note(ctx, where, `${what} reads its context from standard input: its Dockerfile is not in the repository`);
        return null;
    }
    if (isRemoteContext(raw)) {
        note(ctx, where, `${what} builds the remote context ${raw}: its Dockerfile is not in the repository`);
        return null;
    }
    const context = joinRepo(cwd, raw);
    if (context === null)
        note(ctx, where, `${what} builds the context ${raw}, which is outside the repository`);
    return context;
}
function buildPushAction(ctx, step, withs) {
    const where = step.where;
    const what = step.baseLabel;
    const rawContext = withs.context === undefined || withs.context.trim() === '' ? '.' : gitContext(withs.context.trim());
    // The action runs in the workspace root: `working-directory` is for run steps only.
    const context = contextOf(ctx, where, what, '.', rawContext);
    const file = withs.file?.trim();
    let dockerfile;
    if (file === undefined || file === '')
        dockerfile = context === null ? null : joinRepo(context, 'Dockerfile');
    else if (context === null && !isRemoteContext(rawContext) && rawContext.includes(UNKNOWN_TEXT))
        dockerfile = pathOrNull('.', file);
    else
        dockerfile = file.includes(UNKNOWN_TEXT) || (context === null && isRemoteContext(rawContext)) ? null : joinRepo('.', file);
    const target = withs.target?.trim();
    const args = {};
    for (const line of inputList(withs['build-args'], false)) {
        const eq = line.indexOf('=');
        const key = eq < 0 ? line : line.slice(0, eq);
        if (!key.includes(UNKNOWN_TEXT))
            args[key] = eq < 0 ? null : known(line.slice(eq + 1));
    }
    const platforms = inputList(withs.platforms).filter((p) => !p.includes(UNKNOWN_TEXT));
    let push = boolInput(withs.push);
    const outputs = inputList(withs.outputs, false);
    if (outputs.some((o) => !o.includes(UNKNOWN_TEXT) && outputPushes(o)))
        push = true;
    else if (push === undefined && outputs.some((o) => o.includes(UNKNOWN_TEXT)))
        push = null;
    addBuild(ctx, step, {
        kind: 'build-push-action',
        source: where,
        name: step.label,
        dockerfile: remap(ctx, step, dockerfile),
        context: remap(ctx, step, context),
        target: target === undefined || target === '' ? null : known(target),
        targetUnknown: target !== undefined && target.includes(UNKNOWN_TEXT),
        args,
        platforms,
        push: push === undefined ? false : push
    });
}
function addBuild(ctx, step, build) {
    if (build.dockerfile !== null) {
        const writer = step.written.get(build.dockerfile);
        if (writer !== undefined)
            note(ctx, build.source, `${step.baseLabel} builds ${build.dockerfile}, which a run step (line ${writer}) writes: the repository's ${build.dockerfile} is not what is built`);
    }
    ctx.builds.push(build);
}
function bakeVariables(env) {
    const variables = {};
    for (const [k, v] of Object.entries(env))
        variables[k] = known(v);
    return variables;
}
/** Builds of a bake invocation (bake-action or `docker buildx bake`). */
function bake(ctx, step, kind, cwd, fileList, targetList, overrides, push) {
    const where = step.where;
    if (cwd === null) {
        note(ctx, where, `${step.baseLabel} runs bake in a folder we cannot tell (an expression): its targets are not read`);
        return;
    }
    const paths = [];
    for (const f of fileList) {
        if (f === null)
            continue;
        const path = joinRepo(cwd, f.replace(/^cwd:\/\//, ''));
        if (path === null)
            note(ctx, where, `${step.baseLabel} reads the bake file ${f}, which is outside the repository (written by an earlier step?)`);
        else
            paths.push(path);
    }
    // An expression among the files is most often docker/metadata-action's bake file (tags and labels only).
    const files = fileList.length === 0 ? defaultBakeFiles(ctx.all, cwd) : paths;
    if (files.length === 0) {
        if (fileList.length === 0)
            note(ctx, where, `${step.baseLabel} runs bake, but ${cwd === '.' ? 'the repository root' : cwd} has no bake or compose file`);
        else if (fileList.every((f) => f === null))
            note(ctx, where, `${step.baseLabel} reads bake files named by expressions: its targets are not read`);
        return;
    }
    const project = loadBake(ctx.files, files, ctx.notes, where);
    const resolver = new BakeResolver(project, ctx.notes, overrides);
    const names = targetList.length === 0 ? ['default'] : targetList;
    const wanted = [];
    for (const name of names) {
        if (name === null) {
            note(ctx, where, `${step.baseLabel} builds bake targets named by an expression: which targets of ${files.join(', ')} is not known`);
            ctx.builds.push({ kind, source: where, name: `${step.label}: ?`, dockerfile: null, context: null, target: null, targetUnknown: true, args: {}, platforms: [], push: push ?? null });
        }
        else
            wanted.push(name);
    }
    const { targets, unknown } = resolver.expand(wanted);
    for (const name of unknown)
        note(ctx, where, `${step.baseLabel} builds the bake target ${name}, which ${files.join(', ')} ${files.length === 1 ? 'does' : 'do'} not define`);
    for (const name of targets) {
        const target = resolver.target(name);
        if (target === null)
            continue;
        const b = bakeBuild(target, cwd, ctx.notes, where);
        if (b.inline)
            continue;
        addBuild(ctx, step, {
            kind,
            source: where,
            name: `${step.label}: ${name}`,
            dockerfile: b.dockerfile,
            context: b.context,
            target: b.target,
            targetUnknown: b.targetUnknown,
            args: b.args,
            platforms: b.platforms,
            push: push === true ? true : push === false ? (b.push ?? false) : (b.push ?? (push === null ? null : false))
        });
    }
}
function bakeAction(ctx, step, withs) {
    const source = withs.source?.trim();
    const workdir = withs.workdir?.trim();
    let cwd = '.';
    if (source !== undefined && source !== '' && source !== '.') {
        const sub = gitContext(source);
        cwd = sub === source ? (isRemoteContext(source) || source.includes(UNKNOWN_TEXT) ? null : joinRepo('.', source)) : joinRepo('.', sub);
    }
    else if (workdir !== undefined && workdir !== '')
        cwd = pathOrNull('.', workdir);
    const sets = inputList(withs.set, false).flatMap((s) => {
        const eq = s.indexOf('=');
        const left = eq < 0 ? s : s.slice(0, eq);
        const dot = left.indexOf('.');
        return dot <= 0 || left.includes(UNKNOWN_TEXT) ? [] : [{ pattern: left.slice(0, dot), key: left.slice(dot + 1), value: eq < 0 ? null : known(s.slice(eq + 1)) }];
    });
    let push = boolInput(withs.push);
    if (push === undefined && boolInput(withs.load) === true)
        push = false;
    const files = inputList(withs.files).map(known);
    bake(ctx, step, 'bake-action', cwd, files, inputList(withs.targets).map(known), { variables: bakeVariables(step.env), sets }, push);
}
function runBuild(ctx, step, command, cwd, where) {
    const what = step.baseLabel;
    if (command.context === undefined && command.tool === 'docker')
        return null;
    let context;
    if (command.context === undefined)
        context = command.file === undefined || command.file === null ? cwd : null;
    else if (command.context === null)
        context = null;
    else
        context = contextOf(ctx, where, what, cwd, command.context);
    let dockerfile;
    if (command.file === '-') {
        note(ctx, where, `${what} reads its Dockerfile from standard input: it is not in the repository`);
        dockerfile = null;
    }
    else if (command.file !== undefined) {
        dockerfile = command.file === null || cwd === null ? null : joinRepo(cwd, command.file);
        if (command.context === undefined && dockerfile !== null)
            context = dockerfile.includes('/') ? dockerfile.slice(0, dockerfile.lastIndexOf('/')) : '.';
    }
    else if (context === null)
        dockerfile = null;
    else {
        const dockerfilePath = joinRepo(context, 'Dockerfile');
        const containerfile = joinRepo(context, 'Containerfile');
        // podman and buildah look for a Containerfile first.
        dockerfile = command.tool !== 'docker' && containerfile !== null && ctx.all.has(containerfile) ? containerfile : dockerfilePath;
    }
    return {
        kind: 'docker-build',
        source: where,
        name: `${step.label}: ${command.tool} build`,
        dockerfile: remap(ctx, step, dockerfile),
        context: remap(ctx, step, context),
        target: command.target ?? null,
        targetUnknown: command.target === null,
        args: command.args,
        platforms: command.platforms,
        push: command.push
    };
}
/** Offsets of a `run:` script → lines of the workflow file. */
function scriptLines(node, lineAt) {
    const start = lineAt(node.range?.[0] ?? 0);
    const literal = node.type === dist/* Scalar */.X5.BLOCK_LITERAL;
    return (offset, script) => {
        if (!literal)
            return start;
        let lines = 0;
        for (let i = 0; i < offset && i < script.length; i++)
            if (script.charCodeAt(i) === 10)
                lines++;
        return start + 1 + lines;
    };
}
/** Files a script writes with a redirection or tee whose name looks like a Dockerfile. */
function writtenDockerfiles(script, cwd) {
    if (cwd === null)
        return [];
    const out = [];
    for (const m of script.matchAll(/(?:>>?|\btee\s+(?:-a\s+)?)\s*["']?([\w./-]*(?:Dockerfile|Containerfile)[\w.-]*)["']?/g)) {
        const path = joinRepo(cwd, m[1]);
        if (path !== null)
            out.push(path);
    }
    return out;
}
function runStep(ctx, step, script, lines) {
    const env = new Map();
    for (const [k, v] of Object.entries(step.env))
        env.set(k, known(v));
    let cwd = step.cwd;
    const commands = shellCommands(script, env);
    const built = [];
    for (const command of commands) {
        const where = { file: ctx.file, line: lines(command.offset, script) };
        const name = command.argv[0];
        if (name === 'cd' || name === 'pushd') {
            const dir = command.argv[1];
            cwd = dir === undefined || dir === '-' ? null : dir.startsWith('/') || cwd === null ? null : pathOrNull(cwd, dir);
            continue;
        }
        if ((name === 'docker' || name === 'podman' || name === 'buildah') && command.argv.includes('push')) {
            // The images built so far may be the ones pushed.
            for (const b of built)
                if (b.push === false)
                    b.push = null;
            continue;
        }
        const parsed = parseBuildCommand(command.argv);
        if (parsed === null)
            continue;
        if (parsed.kind === 'bake') {
            runBake(ctx, { ...step, where }, parsed, cwd);
            continue;
        }
        const build = runBuild(ctx, step, parsed, cwd, where);
        if (build !== null) {
            built.push(build);
            addBuild(ctx, { ...step, where }, build);
        }
    }
}
function runBake(ctx, step, command, cwd) {
    bake(ctx, step, 'bake', cwd, command.files, command.targets, { variables: bakeVariables(step.env), sets: command.sets }, command.push);
}
/** Every build of one workflow file. */
function readWorkflow(files, all, file, source) {
    const ctx = { files, all, file, builds: [], notes: [], noted: new Set() };
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(source, { lineCounter, uniqueKeys: false, merge: true });
    const lineAt = (offset) => lineCounter.linePos(offset).line;
    const error = doc.errors[0];
    if (error !== undefined) {
        ctx.notes.push({ file, line: lineAt(error.pos[0]), message: `invalid YAML: ${error.message.split('\n')[0] ?? ''}` });
        return ctx;
    }
    // Values from toJS (anchors resolved), lines and ranges from the nodes.
    let data;
    try {
        data = doc.toJS({ maxAliasCount: 1000 });
    }
    catch (err) {
        // A bad merge key or an alias bomb: the parser accepts the text, building its value fails.
        ctx.notes.push({ file, line: 1, message: `invalid YAML: ${err instanceof Error ? err.message : String(err)}` });
        return ctx;
    }
    const jobs = get(doc.contents, 'jobs');
    if (!(0,dist/* isMap */.jh)(jobs))
        return ctx;
    const workflow = { env: envOf(field(data, 'env')), dir: str(field(data, 'defaults', 'run', 'working-directory')), shell: str(field(data, 'defaults', 'run', 'shell')) };
    for (const pair of jobs.items) {
        const jobId = workflow_text(pair.key);
        if (jobId === undefined || !(0,dist/* isMap */.jh)(pair.value))
            continue;
        readJob(ctx, jobId, pair.value, field(data, 'jobs', jobId), workflow, source, lineAt);
    }
    return ctx;
}
function readJob(ctx, jobId, node, job, workflow, source, lineAt) {
    const stepNodes = get(node, 'steps');
    const steps = field(job, 'steps');
    if (!(0,dist/* isSeq */.oP)(stepNodes) || !Array.isArray(steps))
        return;
    const jobEnv = envOf(field(job, 'env'));
    const jobDir = str(field(job, 'defaults', 'run', 'working-directory')) ?? workflow.dir;
    const jobShell = str(field(job, 'defaults', 'run', 'shell')) ?? workflow.shell;
    const expansion = expandMatrix(field(job, 'strategy', 'matrix'), MAX_BUILDS_PER_STEP);
    if (expansion.total > MAX_BUILDS_PER_STEP) {
        const matrixNode = get(get(node, 'strategy'), 'matrix');
        note(ctx, { file: ctx.file, line: lineAt(matrixNode?.range?.[0] ?? node.range?.[0] ?? 0) }, `the matrix of job ${jobId} has ${expansion.total} combinations: only the first ${MAX_BUILDS_PER_STEP} are read`);
    }
    const jobText = [...Object.values(jobEnv), jobDir ?? ''].join('\n');
    const written = new Map();
    const checkouts = [];
    /** variables earlier steps write to $GITHUB_ENV, and when they run */
    const envWrites = [];
    stepNodes.items.forEach((item, index) => {
        const step = steps[index];
        if (!(0,dist/* isMap */.jh)(item))
            return;
        const stepLine = lineAt(item.range?.[0] ?? 0);
        const uses = str(field(step, 'uses'))?.trim();
        const script = str(field(step, 'run'));
        const stepDir = str(field(step, 'working-directory')) ?? jobDir;
        const withs = {};
        const withValue = field(step, 'with');
        if (withValue !== null && typeof withValue === 'object' && !Array.isArray(withValue)) {
            for (const [k, v] of Object.entries(withValue))
                withs[k] = str(v) ?? '';
        }
        if (uses !== undefined && /^actions\/checkout(?:@|$)/.test(uses)) {
            addCheckout(checkouts, withs, { matrix: null, env: { ...workflow.env, ...jobEnv } }, stepLine);
            return;
        }
        if (script !== undefined) {
            // Remembered for later steps of the job, whatever this one builds.
            const cwd = stepDir === undefined ? '.' : stepDir.includes('${{') ? null : joinRepo('.', stepDir);
            for (const path of writtenDockerfiles(script, cwd))
                written.set(path, stepLine);
        }
        const writes = script === undefined ? [] : githubEnvWrites(script);
        const action = uses === undefined ? null : /(?:^|\/)build-push-action(?:@|$)/.test(uses) ? 'build-push-action' : /^[\w.-]+\/bake-action(?:@|$)/.test(uses) ? 'bake-action' : null;
        if (action === null && script === undefined)
            return;
        const stepText = source.slice(item.range?.[0] ?? 0, item.range?.[1] ?? 0);
        // A variable an earlier step may set for this combination is a matrix dependence too.
        const writerText = envWrites.map((w) => w.condition ?? '').join('\n');
        const keys = [...new Set([...matrixKeys(stepText), ...matrixKeys(jobText), ...matrixKeys(writerText)])].sort();
        const stepName = str(field(step, 'name')) ?? str(field(step, 'id')) ?? `step ${index + 1}`;
        const stepEnv = envOf(field(step, 'env'));
        const condition = str(field(step, 'if'));
        const runNode = get(item, 'run');
        const lines = (0,dist/* isScalar */.jn)(runNode) ? scriptLines(runNode, lineAt) : () => stepLine;
        const first = ctx.builds.length;
        const combinationOf = new Map();
        // One reading per combination of the matrix values the step uses.
        const seen = new Set();
        const combinations = keys.length === 0 || expansion.combinations === null ? [null] : expansion.combinations;
        for (const full of combinations) {
            const combination = {};
            if (full !== null)
                for (const k of keys)
                    combination[k] = full[k];
            const id = JSON.stringify(combination, (_k, v) => (typeof v === 'symbol' ? '?' : v));
            if (seen.has(id))
                continue;
            seen.add(id);
            const matrix = keys.length > 0 && expansion.combinations === null ? null : combination;
            // Each level of env sees the ones above it.
            const env = {};
            for (const level of [workflow.env, jobEnv])
                for (const [k, v] of Object.entries(level))
                    env[k] = substitute(v, { matrix, env });
            // $GITHUB_ENV values come after the job's env and before the step's.
            for (const w of envWrites)
                if (mayRun(w.condition, { matrix, env }))
                    for (const name of w.names)
                        env[name] = UNKNOWN_TEXT;
            for (const [k, v] of Object.entries(stepEnv))
                env[k] = substitute(v, { matrix, env });
            const exprCtx = { matrix, env };
            if (!mayRun(condition, exprCtx))
                continue;
            const cwdText = stepDir === undefined ? '.' : substitute(stepDir, exprCtx);
            const cwd = cwdText.includes(UNKNOWN_TEXT) ? null : joinRepo('.', cwdText);
            const baseLabel = `${jobId} / ${stepName}`;
            const label = substitute(baseLabel, exprCtx).split(UNKNOWN_TEXT).join('?') + (matrix === null ? '' : describeCombination(combination, keys));
            const info = { job: jobId, label, baseLabel, checkouts: [...checkouts], where: { file: ctx.file, line: stepLine }, combination, cwd, env, written };
            const substituted = {};
            for (const [k, v] of Object.entries(withs))
                substituted[k] = substitute(v, exprCtx);
            const before = ctx.builds.length;
            if (action === 'build-push-action')
                buildPushAction(ctx, info, substituted);
            else if (action === 'bake-action')
                bakeAction(ctx, info, substituted);
            else if (script !== undefined)
                runStep(ctx, info, continuations(substitute(script, exprCtx), str(field(step, 'shell')) ?? jobShell), lines);
            for (const b of ctx.builds.slice(before))
                combinationOf.set(b, combination);
        }
        collapse(ctx, first, combinationOf, `${jobId} / ${stepName}`, keys);
        if (writes.length > 0)
            envWrites.push({ names: writes, condition });
    });
}
/** PowerShell continues a line with a backtick: as a `\` continuation, the lines stay where they are. */
function continuations(script, shell) {
    return shell !== undefined && /^(?:pwsh|powershell)\b/.test(shell.trim()) ? script.replace(/`(?=\r?\n)/g, '\\') : script;
}
/** Names a script appends to $GITHUB_ENV (`echo "NAME=value" >> $GITHUB_ENV`, `NAME<<EOF` blocks). */
function githubEnvWrites(script) {
    if (!script.includes('GITHUB_ENV'))
        return [];
    const names = new Set();
    for (const line of script.split('\n')) {
        if (!line.includes('GITHUB_ENV') && !/^\s*echo\s/.test(line))
            continue;
        for (const m of line.matchAll(/(?:echo|printf)\s+(?:-[a-z]+\s+)?["']?([A-Za-z_][A-Za-z0-9_]*)(?:=|<<)/g))
            names.add(m[1]);
    }
    return [...names];
}
/** Where this repository, or another, is checked out in the workspace. */
function addCheckout(checkouts, withs, exprCtx, line) {
    const path = withs.path === undefined ? '' : substitute(withs.path, exprCtx).trim();
    if (path === '' || path.includes(UNKNOWN_TEXT))
        return;
    const folder = joinRepo('.', path);
    if (folder === null || folder === '.')
        return;
    const repository = withs.repository?.trim();
    const self = repository === undefined || repository === '' || /^\$\{\{\s*github\.repository\s*\}\}$/.test(repository);
    checkouts.push({ path: folder, repository: self ? 'self' : repository.includes('${{') ? null : repository, line });
}
/**
 * Matrix combinations that build the same thing (a key used only in a name or a cache scope) are
 * one build; its name keeps the matrix values that all of them share.
 */
function collapse(ctx, first, combinationOf, baseLabel, keys) {
    const added = ctx.builds.splice(first);
    const groups = new Map();
    for (const b of added) {
        const key = JSON.stringify([b.kind, b.source, b.dockerfile, b.context, b.target, b.targetUnknown, b.args, b.platforms, b.push, b.name.slice(b.name.lastIndexOf(':'))]);
        groups.set(key, [...(groups.get(key) ?? []), b]);
    }
    for (const group of groups.values()) {
        const b = group[0];
        if (group.length > 1) {
            const combinations = group.map((g) => combinationOf.get(g) ?? {});
            const shared = keys.filter((k) => combinations.every((c) => describeValue(c[k]) === describeValue(combinations[0]?.[k])));
            const suffix = b.name.includes(': ') ? b.name.slice(b.name.lastIndexOf(': ')) : '';
            b.name = `${baseLabel}${describeCombination(combinations[0] ?? {}, shared)}${suffix}`;
        }
        ctx.builds.push(b);
    }
}

;// CONCATENATED MODULE: ./src/builds/format.ts
function stage(build) {
    if (build.targetUnknown)
        return ' [?]';
    return build.target === null ? '' : ` [${build.target}]`;
}
function formatBuild(build) {
    const push = build.push === null ? '?' : String(build.push);
    const platforms = build.platforms.length === 0 ? 'default' : build.platforms.join(',');
    return `${build.dockerfile ?? '?'}${stage(build)} ← ${build.source.file}:${build.source.line} (${build.kind} ${build.name}) context=${build.context ?? '?'} platforms=${platforms} push=${push}`;
}
function formatBuilds(result) {
    const lines = result.builds.map(formatBuild);
    if (result.builds.length === 0)
        lines.push('no builds found');
    for (const note of result.notes)
        lines.push(`${note.file}:${note.line}  note: ${note.message}`);
    return `${lines.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./src/builds/index.ts
/**
 * Which images a repository really builds: from its workflows, bake files, compose files and dev
 * containers, each build with the Dockerfile, context, target stage, args, platforms and whether
 * it is pushed. Pure: the files come in through RepoFiles. Nothing throws; whatever cannot be read
 * or does not add up is a note at its file and line.
 */






function message(err) {
    return err instanceof Error ? err.message : String(err);
}
function composeBuilds(file, text, notes) {
    const compose = readCompose(file, text);
    notes.push(...compose.notes);
    const builds = [];
    for (const b of compose.builds) {
        if (b.inline) {
            notes.push({ file, line: b.line, message: `service ${b.service} builds an inline Dockerfile (dockerfile_inline): it is not a file to review` });
            continue;
        }
        builds.push({
            kind: 'compose',
            source: { file, line: b.line },
            name: b.service,
            dockerfile: b.dockerfile,
            context: b.context,
            target: b.targetGiven ? b.target : null,
            targetUnknown: b.targetGiven && b.target === null,
            args: b.args,
            platforms: b.platforms,
            // `docker compose build` keeps images local; `compose push` can push those with an image name.
            push: b.image ? null : false,
            service: { ports: b.ports, command: b.command }
        });
    }
    return builds;
}
/**
 * The targets of the bake files in one folder, as `docker buildx bake <target>` builds them there.
 * Targets that only exist to be inherited (`_common`, or inherited and in no group) are left out:
 * what they hold shows in the targets that inherit them.
 */
function bakeFolderBuilds(files, all, folder, notes) {
    const paths = defaultBakeFiles(all, folder, false);
    const first = paths[0];
    const project = loadBake(files, paths, notes, { file: first, line: 1 });
    const resolver = new BakeResolver(project, notes);
    const groupsOf = new Map();
    for (const group of project.groups.keys()) {
        for (const target of resolver.expand([group]).targets)
            groupsOf.set(target, [...(groupsOf.get(target) ?? []), group]);
    }
    for (const [name, group] of project.groups) {
        for (const member of resolver.groupMembers(name)) {
            if (resolver.expand([member]).unknown.length > 0)
                notes.push({ file: group.file, line: group.line, message: `group ${name} lists the target ${member}, which is not defined` });
        }
    }
    const inherited = resolver.inherited();
    const builds = [];
    let inline = 0;
    for (const name of resolver.names()) {
        const groups = groupsOf.get(name) ?? [];
        if (name.startsWith('_') || (inherited.has(name) && groups.length === 0))
            continue;
        const target = resolver.target(name);
        if (target === null)
            continue;
        const where = { file: target.file, line: target.line };
        const b = bakeBuild(target, folder, notes, where);
        if (b.inline) {
            inline++;
            continue;
        }
        builds.push({
            kind: 'bake',
            source: where,
            name,
            dockerfile: b.dockerfile,
            context: b.context,
            target: b.target,
            targetUnknown: b.targetUnknown,
            args: b.args,
            platforms: b.platforms,
            push: b.push,
            groups
        });
    }
    if (inline > 0)
        notes.push({ file: first, line: 1, message: `${inline} bake target${inline === 1 ? '' : 's'} build an inline Dockerfile (dockerfile-inline): not listed, there is no file to review` });
    return builds;
}
/** `Docker/dockerfile` for `docker/Dockerfile`: the same name but for case. */
function sameButCase(all, path) {
    const lower = path.toLowerCase();
    return all.find((f) => f.toLowerCase() === lower);
}
function describe(build) {
    return build.kind === 'compose' ? `service ${build.name}` : build.kind === 'bake' ? `bake target ${build.name}` : build.name;
}
function readBuildDefinitions(files) {
    const builds = [];
    const notes = [];
    let list;
    try {
        list = [...files.list()].filter((f) => !isVendored(f)).sort();
    }
    catch (err) {
        return { builds, notes: [{ file: '.', line: 1, message: `cannot list the repository: ${message(err)}` }] };
    }
    const all = new Set(list);
    const read = (file) => {
        try {
            return files.read(file);
        }
        catch {
            return null;
        }
    };
    const safeFiles = { list: () => list, read };
    const bakeFolders = new Set();
    for (const file of list) {
        const name = file.slice(file.lastIndexOf('/') + 1);
        if (/^docker-bake(?:\.override)?\.(?:hcl|json)$/.test(name))
            bakeFolders.add(dirnameOf(file));
        const kind = isWorkflowFile(file) ? 'workflow' : isComposeFile(file) ? 'compose' : isDevcontainerFile(file) ? 'devcontainer' : null;
        if (kind === null)
            continue;
        try {
            const text = read(file);
            if (text === null) {
                notes.push({ file, line: 1, message: 'cannot be read' });
                continue;
            }
            if (kind === 'workflow') {
                const result = readWorkflow(safeFiles, all, file, text);
                builds.push(...result.builds);
                notes.push(...result.notes);
            }
            else if (kind === 'compose')
                builds.push(...composeBuilds(file, text, notes));
            else {
                const result = readDevcontainer(safeFiles, file, text);
                builds.push(...result.builds);
                notes.push(...result.notes);
            }
        }
        catch (err) {
            notes.push({ file, line: 1, message: `could not be read: ${message(err)}` });
        }
    }
    for (const folder of [...bakeFolders].sort()) {
        try {
            builds.push(...bakeFolderBuilds(safeFiles, all, folder, notes));
        }
        catch (err) {
            notes.push({ file: folder === '.' ? 'docker-bake.hcl' : `${folder}/docker-bake.hcl`, line: 1, message: `could not be read: ${message(err)}` });
        }
    }
    for (const build of builds) {
        if (build.dockerfile === null || all.has(build.dockerfile))
            continue;
        const near = sameButCase(list, build.dockerfile);
        notes.push({
            ...build.source,
            message: `${describe(build)} names Dockerfile ${build.dockerfile}, which is not in the repository${near === undefined ? '' : ` (${near} is: names are case-sensitive)`}`
        });
    }
    const seen = new Set();
    const unique = notes.filter((n) => {
        const key = `${n.file}:${n.line}:${n.message}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
    const byPlace = (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line);
    builds.sort((a, b) => byPlace(a.source, b.source));
    unique.sort(byPlace);
    return { builds, notes: unique };
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __nccwpck_require__(4006);
var picomatch_default = /*#__PURE__*/__nccwpck_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/config/config.ts
/**
 * `.stagecraft.yml`: per-rule levels and options, path ignores, the default target and build
 * args. Rule options are declared by the rules themselves (`meta.options`) and may be written
 * under the rule (`rules: { untrusted-registry: { level: error, trusted-registries: [...] } }`)
 * or, as a shortcut, at the top level (`trusted-registries: [...]`). Validated strictly: an
 * unknown key, rule id or option is an error that names it, because a silently ignored setting
 * is the classic linter-config complaint.
 */




const emptyConfig = () => ({ rules: {}, images: [], options: {}, ignore: [], target: null, buildArgs: {} });
/** Where a config is looked for, in order, when none is given. */
const CONFIG_FILES = ['.stagecraft.yml', '.stagecraft.yaml', '.github/stagecraft.yml', '.github/stagecraft.yaml'];
class ConfigError extends Error {
}
const LEVELS = ['off', 'info', 'warning', 'error'];
const KEYS = ['rules', 'images', 'ignore', 'target', 'build-args'];
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function stringList(value, key, where) {
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
        throw new ConfigError(`${where}: "${key}" must be a list of strings`);
    return value;
}
function optionValue(option, value, where) {
    const ok = option.type === 'string-list' ? Array.isArray(value) && value.every((v) => typeof v === 'string') : option.type === 'boolean' ? typeof value === 'boolean' : typeof value === option.type;
    if (!ok)
        throw new ConfigError(`${where}: option "${option.name}" must be ${option.type === 'string-list' ? 'a list of strings' : option.type === 'boolean' ? 'true or false' : `a ${option.type}`}`);
    return value;
}
function setOption(config, rule, option, value, where) {
    config.options[rule.meta.id] = { ...config.options[rule.meta.id], [option.name]: optionValue(option, value, where) };
}
const IMAGE_KEYS = ['path', 'target', 'purpose'];
/** `images: [{ path: "ci/**", purpose: environment }, { target: "dev*", purpose: environment }]` */
function imageRules(value, where) {
    if (!Array.isArray(value))
        throw new ConfigError(`${where}: "images" must be a list of { path, target, purpose }`);
    return value.map((entry, i) => {
        const at = `${where}: images[${i}]`;
        if (!isRecord(entry))
            throw new ConfigError(`${at} must be a mapping with purpose and a path and/or target`);
        const unknown = Object.keys(entry).filter((k) => !IMAGE_KEYS.includes(k));
        if (unknown.length > 0)
            throw new ConfigError(`${at}: unknown key "${unknown[0]}" (expected ${IMAGE_KEYS.join(', ')})`);
        const glob = (key) => {
            const v = entry[key];
            if (v === undefined || v === null)
                return null;
            if (typeof v !== 'string' || v === '')
                throw new ConfigError(`${at}: "${key}" must be a glob`);
            return v;
        };
        const purpose = entry.purpose;
        if (purpose !== 'runtime' && purpose !== 'environment')
            throw new ConfigError(`${at}: "purpose" must be runtime or environment`);
        const rule = { path: glob('path'), target: glob('target'), purpose };
        if (rule.path === null && rule.target === null)
            throw new ConfigError(`${at} needs a path or a target (or both)`);
        return rule;
    });
}
function level(id, value, where) {
    const text = value === false ? 'off' : String(value);
    if (!LEVELS.includes(text))
        throw new ConfigError(`${where}: rule "${id}" must be off, info, warning or error, not "${text}"`);
    return text;
}
/** Validates parsed YAML against the schema; `rules` are the rules `rules:` may name, with their options. */
function validateConfig(raw, rules, where) {
    const config = emptyConfig();
    if (raw === null || raw === undefined)
        return config;
    // Top-level shortcuts: every option name a rule declares.
    const shortcuts = new Map(rules.flatMap((r) => (r.meta.options ?? []).map((o) => [o.name, { rule: r, option: o }])));
    const keys = [...KEYS, ...shortcuts.keys()];
    if (!isRecord(raw))
        throw new ConfigError(`${where}: the configuration must be a mapping of keys (${keys.join(', ')})`);
    for (const [key, value] of Object.entries(raw)) {
        const shortcut = shortcuts.get(key);
        if (shortcut !== undefined) {
            setOption(config, shortcut.rule, shortcut.option, value, where);
            continue;
        }
        switch (key) {
            case 'rules': {
                if (!isRecord(value))
                    throw new ConfigError(`${where}: "rules" must map rule ids to off, info, warning or error (or to { level, options })`);
                for (const [id, setting] of Object.entries(value)) {
                    const rule = rules.find((r) => r.meta.id === id);
                    if (rule === undefined)
                        throw new ConfigError(`${where}: unknown rule "${id}" in "rules" (stagecraft --list-rules shows the ids)`);
                    if (!isRecord(setting)) {
                        config.rules[id] = level(id, setting, where);
                        continue;
                    }
                    for (const [name, v] of Object.entries(setting)) {
                        if (name === 'level') {
                            config.rules[id] = level(id, v, where);
                            continue;
                        }
                        const option = rule.meta.options?.find((o) => o.name === name);
                        const known = ['level', ...(rule.meta.options ?? []).map((o) => o.name)];
                        if (option === undefined)
                            throw new ConfigError(`${where}: rule "${id}" has no option "${name}" (it takes ${known.join(', ')})`);
                        setOption(config, rule, option, v, where);
                    }
                }
                break;
            }
            case 'ignore':
                config.ignore = stringList(value, key, where);
                break;
            case 'images':
                config.images = imageRules(value, where);
                break;
            case 'target':
                if (typeof value !== 'string' || value === '')
                    throw new ConfigError(`${where}: "target" must be a stage name`);
                config.target = value;
                break;
            case 'build-args':
                if (!isRecord(value))
                    throw new ConfigError(`${where}: "build-args" must map names to values`);
                for (const [name, v] of Object.entries(value)) {
                    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean')
                        throw new ConfigError(`${where}: build arg "${name}" must be a string`);
                    config.buildArgs[name] = String(v);
                }
                break;
            default:
                throw new ConfigError(`${where}: unknown key "${key}" (expected ${keys.join(', ')})`);
        }
    }
    return config;
}
function parseConfig(text, rules, where) {
    let raw;
    try {
        raw = (0,dist/* parse */.qg)(text);
    }
    catch (err) {
        const line = err instanceof dist/* YAMLParseError */.XT ? err.linePos?.[0]?.line : undefined;
        throw new ConfigError(`${where}${line === undefined ? '' : `:${line}`}: not valid YAML (${err.message.split('\n')[0] ?? ''})`);
    }
    return validateConfig(raw, rules, where);
}
/** Reads `explicit` (relative to `root`), or the first of CONFIG_FILES under `root`; defaults when there is none. */
function loadConfig(root, explicit, rules) {
    const candidates = explicit !== null ? [explicit] : [...CONFIG_FILES];
    for (const name of candidates) {
        const path = (0,external_node_path_namespaceObject.resolve)(root, name);
        if (!(0,external_node_fs_namespaceObject.existsSync)(path)) {
            if (explicit !== null)
                throw new ConfigError(`${explicit}: configuration file not found`);
            continue;
        }
        return { config: parseConfig((0,external_node_fs_namespaceObject.readFileSync)(path, 'utf8'), rules, name), path };
    }
    return { config: emptyConfig(), path: null };
}
/** The `images:` rules for one Dockerfile: what a target of that name is for, if the configuration says. */
function configuredPurpose(config, path) {
    const rules = config.images.filter((r) => r.path === null || picomatch_default()(r.path, { dot: true })(path));
    if (rules.length === 0)
        return null;
    const matchers = rules.map((r) => ({ purpose: r.purpose, target: r.target === null ? null : picomatch_default()(r.target, { nocase: true }) }));
    // The last matching entry wins, as later lines of a configuration refine earlier ones.
    return (target) => [...matchers].reverse().find((m) => m.target === null || (target !== null && m.target(target)))?.purpose ?? null;
}
/** Whether a path is excluded by the configuration's `ignore` globs. */
function ignoredBy(config) {
    return config.ignore.length > 0 ? picomatch_default()(config.ignore, { dot: true }) : () => false;
}

;// CONCATENATED MODULE: ./src/parse/image-ref.ts
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;
const HOST = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?$|^\[[0-9a-fA-F:]+\](?::[0-9]+)?$/;
/** Parses a reference; null when it is not a valid one (e.g. upper case, empty, spaces). */
function parseImageReference(reference) {
    if (reference === '' || reference.length > 512 || /\s/.test(reference))
        return null;
    let rest = reference;
    let digest = null;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!DIGEST.test(digest))
            return null;
    }
    let tag = null;
    const lastSlash = rest.lastIndexOf('/');
    const colon = rest.indexOf(':', lastSlash + 1);
    if (colon >= 0) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!TAG.test(tag))
            return null;
    }
    let registry = null;
    const firstSlash = rest.indexOf('/');
    if (firstSlash >= 0) {
        const head = rest.slice(0, firstSlash);
        if (head.includes('.') || head.includes(':') || head === 'localhost' || head !== head.toLowerCase()) {
            registry = head;
            rest = rest.slice(firstSlash + 1);
            if (!HOST.test(registry))
                return null;
        }
    }
    if (rest === '' || !rest.split('/').every((part) => PATH_COMPONENT.test(part)))
        return null;
    return { registry, name: rest, tag, digest };
}
const DOCKER_HUB_HOSTS = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
/** Docker Hub: no registry written, or one of its host names. */
function isDockerHub(registry) {
    return registry === null || DOCKER_HUB_HOSTS.has(registry.toLowerCase());
}
/** `node` → `docker.io/library/node`: the fully qualified repository, for comparisons. */
function canonicalRepository(ref) {
    const registry = isDockerHub(ref.registry) ? 'docker.io' : ref.registry;
    const name = registry === 'docker.io' && !ref.name.includes('/') ? `library/${ref.name}` : ref.name;
    return `${registry}/${name}`;
}

;// CONCATENATED MODULE: ./src/registry/reference.ts
/**
 * Image references as the OCI Distribution API needs them: which host to ask, which repository,
 * which tag or digest. Docker Hub's short names are normalised as docker does:
 * `node` → host `registry-1.docker.io`, repository `library/node`, tag `latest`.
 */

function toRegistryReference(image) {
    const ref = parseImageReference(image);
    if (ref === null)
        return null;
    const hub = isDockerHub(ref.registry);
    const host = hub ? 'registry-1.docker.io' : ref.registry;
    const repository = hub && !ref.name.includes('/') ? `library/${ref.name}` : ref.name;
    const reference = ref.digest ?? ref.tag ?? 'latest';
    const name = `${hub ? 'docker.io' : host}/${repository}`;
    return { host, repository, reference, canonical: ref.digest !== null ? `${name}@${ref.digest}` : `${name}:${reference}` };
}
/** Registries on this machine speak plain HTTP (docker treats them as insecure by default too). */
function isLocalHost(host) {
    const name = host.replace(/:\d+$/, '');
    return name === 'localhost' || name === '127.0.0.1' || name === '[::1]';
}

;// CONCATENATED MODULE: ./src/registry/client.ts
/**
 * A small OCI Distribution API client: manifests (an image index resolved to one platform),
 * config blobs, the anonymous bearer-token flow from a `WWW-Authenticate` challenge (and basic
 * credentials when given), a timeout per request, bounded concurrency and one cache per run.
 * Every failure comes back as a reason, never an exception: callers fall back to estimates.
 */

const INDEX_TYPES = new Set(['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json']);
const MANIFEST_TYPES = new Set(['application/vnd.oci.image.manifest.v1+json', 'application/vnd.docker.distribution.manifest.v2+json']);
const ACCEPT = [...INDEX_TYPES, ...MANIFEST_TYPES].join(', ');
class RegistryError extends Error {
}
/** `Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="…"` → its parameters. */
function parseChallenge(header) {
    const m = /^\s*(\w+)\s*(.*)$/s.exec(header);
    if (m === null)
        return null;
    const params = {};
    const re = /(\w+)\s*=\s*(?:"([^"]*)"|([^\s,]*))/g;
    for (let p = re.exec(m[2]); p !== null; p = re.exec(m[2]))
        params[p[1].toLowerCase()] = p[2] ?? p[3] ?? '';
    return { scheme: m[1].toLowerCase(), params };
}
/** `linux/arm64/v8` → its parts; the variant is optional. */
function platformParts(platform) {
    const [os = 'linux', architecture = 'amd64', variant = null] = platform.split('/');
    return { os, architecture, variant };
}
class RegistryClient {
    /** Requests sent and the time spent waiting for them, for the run's log and the bench. */
    stats = { requests: 0, ms: 0 };
    timeoutMs;
    concurrency;
    fetchImpl;
    credentials;
    lookups = new Map();
    tokens = new Map();
    active = 0;
    waiting = [];
    constructor(options = {}) {
        this.timeoutMs = options.timeoutMs ?? 10_000;
        this.concurrency = Math.max(1, options.concurrency ?? 4);
        this.fetchImpl = options.fetch ?? fetch;
        this.credentials = options.credentials ?? {};
    }
    /** The image's manifest for the platform, its sizes and config; cached for the run. */
    lookup(image, platform = 'linux/amd64') {
        const key = `${image}|${platform}`;
        let pending = this.lookups.get(key);
        if (pending === undefined) {
            pending = this.resolve(image, platform).catch((err) => ({ ok: false, image, platform, reason: err instanceof Error ? err.message : String(err) }));
            this.lookups.set(key, pending);
        }
        return pending;
    }
    async resolve(image, platform) {
        const ref = toRegistryReference(image);
        if (ref === null)
            return { ok: false, image, platform, reason: 'not a valid image reference' };
        let manifest = await this.getJson(ref, `manifests/${ref.reference}`, ACCEPT);
        let digest = manifest.digest;
        const resolvedFromIndex = INDEX_TYPES.has(manifest.mediaType);
        if (resolvedFromIndex) {
            const wanted = platformParts(platform);
            const entries = (manifest.body.manifests ?? []);
            const match = entries.find((m) => m.platform?.os === wanted.os && m.platform.architecture === wanted.architecture && (wanted.variant === null || (m.platform.variant ?? (wanted.architecture === 'arm64' ? 'v8' : null)) === wanted.variant));
            if (match === undefined) {
                const offered = entries.map((m) => [m.platform?.os, m.platform?.architecture, m.platform?.variant].filter(Boolean).join('/')).join(', ');
                return { ok: false, image, platform, reason: `no manifest for ${platform} (the index offers ${offered === '' ? 'none' : offered})` };
            }
            manifest = await this.getJson(ref, `manifests/${match.digest}`, ACCEPT);
            digest = match.digest;
        }
        if (!MANIFEST_TYPES.has(manifest.mediaType))
            return { ok: false, image, platform, reason: `unknown manifest media type ${manifest.mediaType === '' ? '(none)' : manifest.mediaType}` };
        const layers = (manifest.body.layers ?? []).map((l) => ({ digest: l.digest, size: Number(l.size) || 0, mediaType: l.mediaType }));
        const configDigest = manifest.body.config?.digest;
        let config = null;
        if (configDigest !== undefined) {
            const blob = await this.getJson(ref, `blobs/${configDigest}`, 'application/json, */*');
            const history = Array.isArray(blob.body.history) ? blob.body.history : [];
            const os = typeof blob.body.os === 'string' ? blob.body.os : null;
            const arch = typeof blob.body.architecture === 'string' ? blob.body.architecture : null;
            const variant = typeof blob.body.variant === 'string' ? blob.body.variant : null;
            config = { history, platform: os !== null && arch !== null ? [os, arch, variant].filter((p) => p !== null).join('/') : null, size: typeof blob.body.size === 'number' && blob.body.size > 0 ? blob.body.size : null };
        }
        // An index was resolved to the platform; a single image can only be checked against its config.
        let platformMismatch = null;
        if (!resolvedFromIndex && config?.platform !== null && config?.platform !== undefined) {
            const have = platformParts(config.platform);
            const want = platformParts(platform);
            if (have.os !== want.os || have.architecture !== want.architecture)
                platformMismatch = config.platform;
        }
        return { ok: true, image, canonical: ref.canonical, digest, platform, compressedSize: layers.reduce((n, l) => n + l.size, 0), size: config?.size ?? null, layers, config, platformMismatch };
    }
    async getJson(ref, path, accept) {
        const response = await this.request(ref, path, accept);
        const text = await response.text();
        let body;
        try {
            body = JSON.parse(text);
        }
        catch {
            throw new RegistryError(`${ref.canonical}: ${path.split('/')[0]} is not JSON`);
        }
        const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim() || (typeof body.mediaType === 'string' ? body.mediaType : '');
        return { mediaType: typeof body.mediaType === 'string' && !INDEX_TYPES.has(mediaType) && !MANIFEST_TYPES.has(mediaType) ? body.mediaType : mediaType, digest: response.headers.get('docker-content-digest') ?? '', body };
    }
    /** One GET, with the token flow on 401. */
    async request(ref, path, accept) {
        const url = `${isLocalHost(ref.host) ? 'http' : 'https'}://${ref.host}/v2/${ref.repository}/${path}`;
        const tokenKey = `${ref.host}/${ref.repository}`;
        const headers = { accept };
        const token = this.tokens.get(tokenKey);
        if (token !== undefined)
            headers.authorization = token;
        let response = await this.send(url, headers);
        if (response.status === 401) {
            await response.body?.cancel();
            const challenge = parseChallenge(response.headers.get('www-authenticate') ?? '');
            const authorization = await this.authorize(ref, challenge);
            this.tokens.set(tokenKey, authorization);
            response = await this.send(url, { ...headers, authorization });
        }
        if (!response.ok) {
            await response.body?.cancel();
            const what = response.status === 404 ? 'not found (unknown repository or tag)' : response.status === 401 || response.status === 403 ? 'access denied' : `HTTP ${response.status}`;
            throw new RegistryError(`${ref.canonical}: ${what}`);
        }
        return response;
    }
    async authorize(ref, challenge) {
        const hubName = ref.host === 'registry-1.docker.io' ? 'docker.io' : ref.host;
        const creds = this.credentials[hubName] ?? this.credentials[ref.host];
        const basic = creds === undefined ? null : `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`;
        if (challenge === null || challenge.scheme === '')
            throw new RegistryError(`${ref.canonical}: 401 without a WWW-Authenticate challenge`);
        if (challenge.scheme === 'basic') {
            if (basic === null)
                throw new RegistryError(`${ref.canonical}: the registry wants credentials (none given for ${hubName})`);
            return basic;
        }
        if (challenge.scheme !== 'bearer' || challenge.params.realm === undefined)
            throw new RegistryError(`${ref.canonical}: unsupported authentication challenge "${challenge.scheme}"`);
        const realm = new URL(challenge.params.realm);
        if (challenge.params.service !== undefined)
            realm.searchParams.set('service', challenge.params.service);
        realm.searchParams.set('scope', challenge.params.scope ?? `repository:${ref.repository}:pull`);
        const response = await this.send(realm.toString(), basic === null ? {} : { authorization: basic });
        if (!response.ok) {
            await response.body?.cancel();
            throw new RegistryError(`${ref.canonical}: the token server answered HTTP ${response.status}`);
        }
        const body = (await response.json().catch(() => ({})));
        const token = body.token ?? body.access_token;
        if (typeof token !== 'string' || token === '')
            throw new RegistryError(`${ref.canonical}: the token server sent no token`);
        return `Bearer ${token}`;
    }
    /** fetch with the per-request timeout, inside the concurrency limit. */
    async send(url, headers) {
        if (this.active >= this.concurrency)
            await new Promise((resolve) => this.waiting.push(resolve));
        this.active++;
        const start = performance.now();
        this.stats.requests++;
        try {
            return await this.fetchImpl(url, { headers, signal: AbortSignal.timeout(this.timeoutMs), redirect: 'follow' });
        }
        catch (err) {
            const name = err.name;
            const cause = err.cause;
            const why = cause?.code ?? cause?.message;
            throw new RegistryError(name === 'TimeoutError' ? `no answer from ${new URL(url).host} within ${this.timeoutMs} ms` : `cannot reach ${new URL(url).host}${why === undefined ? '' : ` (${why})`}`);
        }
        finally {
            this.stats.ms += performance.now() - start;
            this.active--;
            this.waiting.shift()?.();
        }
    }
}

;// CONCATENATED MODULE: ./src/rules/add-local-file.ts
const ARCHIVE = /\.(?:tar|tgz|tbz2?|txz|tar\.(?:gz|bz2|xz|zst)|gz|bz2|xz|zst)$/i;
/** A URL or a git repository (`x.git`, `x.git#ref`); indexOf, not /\.git(?:#.*)?$/, which is quadratic on `.git#.git#…`. */
function isRemote(src) {
    if (/^(?:https?|git|ssh):\/\/|^git@/.test(src) || src.endsWith('.git'))
        return true;
    const ref = src.lastIndexOf('.git#');
    return ref >= 0 && !src.includes('\n', ref);
}
const addLocalFile = {
    meta: {
        id: 'add-local-file',
        title: 'ADD of a local file that is not an archive',
        severity: 'warning',
        category: 'style',
        scope: 'all',
        equivalents: { hadolint: 'DL3020', buildkit: null }
    },
    check: ({ model }) => model.stages.flatMap((s) => s.instructions
        .filter((i) => i.keyword === 'ADD' && i.copy !== undefined && i.copy.sources.length > 0 && i.copy.sources.every((src) => !isRemote(src) && !ARCHIVE.test(src) && !src.startsWith('<<')))
        .map((i) => ({ line: i.line, endLine: i.endLine, message: 'ADD of local files does what COPY does, plus surprises (it unpacks archives, fetches URLs): use COPY', stage: s.index })))
};

;// CONCATENATED MODULE: ./src/rules/add-url-without-checksum.ts
/** BuildKit's git sources: `git@host:repo`, `git://`, `ssh://`, or an HTTP(S) URL whose path ends in `.git`. */
function isGitSource(source) {
    if (/^(?:git@|git:\/\/|ssh:\/\/)/i.test(source))
        return true;
    if (!/^https?:\/\//i.test(source))
        return false;
    const path = source.replace(/[#?].*$/s, '');
    return /\.git\/?$/i.test(path);
}
/** The `#ref` (before a `:subdir`) or `?ref=`/`?tag=`/`?branch=` of a git source, or null for the default branch. */
function gitRef(source) {
    const query = /\?([^#]*)/.exec(source)?.[1] ?? '';
    const params = new URLSearchParams(query);
    if (params.has('checksum') || params.has('commit'))
        return { ref: params.get('checksum') ?? params.get('commit'), verified: true };
    const fromQuery = params.get('ref') ?? params.get('tag') ?? params.get('branch');
    if (fromQuery !== null)
        return { ref: fromQuery, verified: false };
    const hash = source.indexOf('#');
    if (hash < 0)
        return { ref: null, verified: false };
    const ref = source.slice(hash + 1).split(':')[0] ?? '';
    return { ref: ref === '' ? null : ref, verified: false };
}
const COMMIT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i;
/** Refs and path parts that move with upstream. */
const MOVING = new Set(['latest', 'master', 'main', 'head', 'trunk', 'nightly', 'develop', 'current', 'stable', 'edge']);
/** A version-looking part: `v1.2`, `1.2.3`, `2024-01-02`, `r27`, a commit. */
const add_url_without_checksum_VERSION = /(?:^|[^a-z])v?\d+(?:[._-]\d+)+|(?:^|[^a-z0-9])[vr]\d+|^(?=[a-f]*\d)[0-9a-f]{7,64}$/i;
/** Architecture names look like versions (`x86_64`) but say nothing about one. */
const ARCH = /x86[_-]64|amd64|arm64|aarch64|i[36]86|armv\dl?|ppc64le|s390x/gi;
const isVersion = (segment) => segment.length <= 256 && add_url_without_checksum_VERSION.test(segment.replace(ARCH, ''));
const parts = (text) => text.split(/[/._-]+/).filter((p) => p !== '');
/**
 * How an HTTP URL follows upstream rather than naming what it downloads: the moving part it
 * names (`master`, `latest`), "no version" when it names none, or null when it names a version.
 */
function followsUpstream(url) {
    const path = url.replace(/^[a-z]+:\/\/[^/]*/i, '').replace(/[?#].*$/s, '');
    const moving = parts(path).find((p) => MOVING.has(p.toLowerCase()));
    if (moving !== undefined)
        return `"${moving}"`;
    return path.split('/').some(isVersion) ? null : 'no version';
}
/** A URL as a message shows it: long ones shortened. */
const shown = (url) => (url.length > 160 ? `${url.slice(0, 157)}…` : url);
function checkAdd(ins, stage) {
    const copy = ins.copy;
    if (copy === undefined || copy.checksum !== null || copy.from !== null)
        return [];
    const at = { line: ins.line, endLine: ins.endLine, stage };
    return copy.sources.flatMap((source) => {
        if (isGitSource(source)) {
            const { ref, verified } = gitRef(source);
            if (verified || (ref !== null && COMMIT.test(ref)))
                return [];
            // A tag pins a git source the way a tag pins a base image.
            if (ref !== null && !MOVING.has(ref.toLowerCase()) && isVersion(ref))
                return [];
            const what = ref === null ? 'its default branch' : `${ref}, which moves with every push`;
            return [
                {
                    ...at,
                    message: `ADD of the git repository ${shown(source.replace(/[#?].*$/s, ''))} follows ${what}: pin a release tag or a commit SHA in #ref, or keep the ref and add --checksum=<commit SHA> (Dockerfile 1.16+)`,
                    severity: 'info'
                }
            ];
        }
        if (!/^https?:\/\//i.test(source))
            return [];
        const follows = followsUpstream(source);
        if (follows !== null)
            return [
                {
                    ...at,
                    message: `ADD ${shown(source)} names ${follows}, so it follows upstream and a --checksum would break on every upstream change: download a versioned URL, then add --checksum=sha256:…`,
                    severity: 'info'
                }
            ];
        return [{ ...at, message: `ADD ${shown(source)} trusts whatever the server sends today: add --checksum=sha256:<digest of the file> (Dockerfile 1.6+) so a changed or tampered download fails the build` }];
    });
}
const addUrlWithoutChecksum = {
    meta: {
        id: 'add-url-without-checksum',
        title: 'ADD downloads a URL without --checksum',
        severity: 'warning',
        category: 'security',
        scope: 'all',
        equivalents: { hadolint: null, buildkit: null }
    },
    check: ({ model }) => model.stages.flatMap((stage) => stage.instructions.filter((i) => i.keyword === 'ADD').flatMap((i) => checkAdd(i, stage.index)))
};

;// CONCATENATED MODULE: ./src/parse/shell-syntax.ts
/**
 * The structure of a POSIX shell script, as far as rules need it: lists, and-or chains,
 * pipelines, simple commands, and the compound commands (`{ }`, `( )`, if, while, until, for,
 * case, functions) with their conditions told apart from their bodies. Command substitutions
 * (`$(…)` and backquotes) are parsed as nested scripts of the word they appear in; heredoc bodies
 * are skipped. Tolerant: it never throws, and what it cannot read becomes plain words. One pass
 * over the text (nesting is capped), so a 1 MB line costs linear time.
 */
/** Nesting (substitutions and compound commands together) beyond which text is read as plain words. */
const shell_syntax_MAX_DEPTH = 100;
const RESERVED_TERMINATORS = new Set(['then', 'elif', 'else', 'fi', 'do', 'done', 'esac', '}']);
const isBlank = (c) => c === 32 || c === 9 || c === 13;
/** Characters that end an unquoted word: blanks, newline, ; & | ( ) < > */
const isMeta = (c) => isBlank(c) || c === 10 || c === 59 || c === 38 || c === 124 || c === 40 || c === 41 || c === 60 || c === 62;
const isDigit = (c) => c >= 48 && c <= 57;
/** Shared by the words without command substitutions (most of them). */
const shell_syntax_NONE = Object.freeze([]);
const plainWord = (text) => ({ text, raw: text, expands: false, globs: false, quoted: false, substitutions: shell_syntax_NONE });
class shell_syntax_Parser {
    src;
    depth;
    substitution;
    pos = 0;
    peeked = null;
    /** Heredoc delimiters waiting for the next newline: their bodies follow it. */
    heredocs = [];
    constructor(src, 
    /** How deeply this text is nested: substitutions and compound commands. */
    depth, 
    /** Parsing the inside of `$(…)`: an unmatched `)` ends it. */
    substitution = false) {
        this.src = src;
        this.depth = depth;
        this.substitution = substitution;
    }
    // ---- lexer ----
    peek() {
        if (this.peeked === null)
            this.peeked = this.lex();
        return this.peeked;
    }
    next() {
        const t = this.peek();
        this.peeked = null;
        return t;
    }
    lex() {
        const s = this.src;
        for (;;) {
            while (this.pos < s.length && isBlank(s.charCodeAt(this.pos)))
                this.pos++;
            if (this.pos >= s.length)
                return { type: 'end' };
            const c = s.charCodeAt(this.pos);
            // A line continuation is nothing.
            if (c === 92 && s.charCodeAt(this.pos + 1) === 10) {
                this.pos += 2;
                continue;
            }
            if (c === 35 /* # */) {
                while (this.pos < s.length && s.charCodeAt(this.pos) !== 10)
                    this.pos++;
                continue;
            }
            if (c === 10) {
                this.pos++;
                this.skipHeredocBodies();
                return { type: 'newline' };
            }
            break;
        }
        const c = s.charCodeAt(this.pos);
        const d = s.charCodeAt(this.pos + 1);
        const e = s.charCodeAt(this.pos + 2);
        switch (c) {
            case 59 /* ; */:
                return this.op(d === 59 ? (e === 38 ? ';;&' : ';;') : d === 38 ? ';&' : ';');
            case 38 /* & */:
                return this.op(d === 38 ? '&&' : d === 62 ? (e === 62 ? '&>>' : '&>') : '&');
            case 124 /* | */:
                return this.op(d === 124 ? '||' : d === 38 ? '|&' : '|');
            case 40:
                return this.op('(');
            case 41:
                return this.op(')');
            case 60 /* < */:
                if (d === 40)
                    return { type: 'word', word: this.word() };
                return this.op(d === 60 ? (e === 45 ? '<<-' : e === 60 ? '<<<' : '<<') : d === 38 ? '<&' : d === 62 ? '<>' : '<');
            case 62 /* > */:
                if (d === 40)
                    return { type: 'word', word: this.word() };
                return this.op(d === 62 ? '>>' : d === 38 ? '>&' : d === 124 ? '>|' : '>');
        }
        // A file descriptor glued to a redirection: 2>&1, 5<<EOF.
        if (isDigit(c)) {
            let j = this.pos;
            while (j < s.length && isDigit(s.charCodeAt(j)))
                j++;
            const after = s.charCodeAt(j);
            if (after === 60 || after === 62) {
                const fd = s.slice(this.pos, j);
                this.pos = j;
                const t = this.lex();
                if (t.type === 'op')
                    return { type: 'op', op: fd + t.op };
                return t;
            }
        }
        return { type: 'word', word: this.word() };
    }
    op(op) {
        this.pos += op.length;
        return { type: 'op', op };
    }
    /** After a newline: the bodies of the heredocs opened on the line just ended. */
    skipHeredocBodies() {
        const s = this.src;
        for (const h of this.heredocs) {
            while (this.pos < s.length) {
                let end = s.indexOf('\n', this.pos);
                if (end < 0)
                    end = s.length;
                let line = s.slice(this.pos, end);
                this.pos = Math.min(end + 1, s.length);
                if (h.stripTabs)
                    line = line.replace(/^\t+/, '');
                if (line === h.delimiter)
                    break;
            }
        }
        this.heredocs = [];
    }
    word() {
        const s = this.src;
        const start = this.pos;
        // Most words are plain: read them in one slice.
        let j = start;
        let globs = false;
        for (; j < s.length; j++) {
            const d = s.charCodeAt(j);
            if (isMeta(d) || d === 92 || d === 39 || d === 34 || d === 36 || d === 96)
                break;
            if (d === 42 || d === 63 || d === 91)
                globs = true;
        }
        if (j > start && (j === s.length || isMeta(s.charCodeAt(j)))) {
            this.pos = j;
            const text = s.slice(start, j);
            return { text, raw: text, expands: false, globs, quoted: false, substitutions: shell_syntax_NONE };
        }
        let text = '';
        let expands = false;
        let quoted = false;
        const substitutions = [];
        while (this.pos < s.length) {
            const c = s.charCodeAt(this.pos);
            // Process substitution, <(…) or >(…): a word (bash).
            if ((c === 60 || c === 62) && s.charCodeAt(this.pos + 1) === 40) {
                const from = this.pos;
                this.nested(substitutions);
                expands = true;
                text += s.slice(from, this.pos);
                continue;
            }
            if (isMeta(c))
                break;
            if (c === 92 /* \ */) {
                if (s.charCodeAt(this.pos + 1) === 10) {
                    this.pos += 2;
                    continue;
                }
                quoted = true;
                text += s[this.pos + 1] ?? '';
                this.pos += 2;
            }
            else if (c === 39 /* ' */) {
                quoted = true;
                const end = s.indexOf("'", this.pos + 1);
                const stop = end < 0 ? s.length : end;
                text += s.slice(this.pos + 1, stop);
                this.pos = stop + 1;
            }
            else if (c === 34 /* " */) {
                quoted = true;
                this.pos++;
                while (this.pos < s.length && s.charCodeAt(this.pos) !== 34) {
                    const d = s.charCodeAt(this.pos);
                    if (d === 92 && this.pos + 1 < s.length) {
                        const e = s[this.pos + 1];
                        text += e === '"' || e === '\\' || e === '$' || e === '`' ? e : e === '\n' ? '' : '\\' + e;
                        this.pos += 2;
                    }
                    else if (d === 36 /* $ */ || d === 96 /* ` */) {
                        const part = this.expansion(substitutions);
                        if (part.expands)
                            expands = true;
                        text += part.text;
                    }
                    else {
                        text += s[this.pos];
                        this.pos++;
                    }
                }
                this.pos++;
            }
            else if (c === 36 || c === 96) {
                const part = this.expansion(substitutions);
                if (part.expands)
                    expands = true;
                text += part.text;
            }
            else {
                if (c === 42 || c === 63 || c === 91)
                    globs = true;
                // Copy the run of plain characters at once.
                let j = this.pos + 1;
                while (j < s.length) {
                    const d = s.charCodeAt(j);
                    if (isMeta(d) || d === 92 || d === 39 || d === 34 || d === 36 || d === 96)
                        break;
                    if (d === 42 || d === 63 || d === 91)
                        globs = true;
                    j++;
                }
                text += s.slice(this.pos, j);
                this.pos = j;
            }
        }
        return { text, raw: s.slice(start, this.pos), expands, globs, quoted, substitutions: substitutions.length === 0 ? shell_syntax_NONE : substitutions };
    }
    /** `$name`, `${…}`, `$(…)`, `$((…))` or a backquoted command at pos, kept as written. */
    expansion(substitutions) {
        const s = this.src;
        const start = this.pos;
        if (s.charCodeAt(this.pos) === 96) {
            let j = this.pos + 1;
            let inner = '';
            while (j < s.length && s.charCodeAt(j) !== 96) {
                if (s.charCodeAt(j) === 92 && j + 1 < s.length) {
                    inner += s[j + 1];
                    j += 2;
                }
                else
                    inner += s[j++];
            }
            this.pos = Math.min(j + 1, s.length);
            substitutions.push(this.depth < shell_syntax_MAX_DEPTH ? new shell_syntax_Parser(inner, this.depth + 1).script() : []);
            return { text: s.slice(start, this.pos), expands: true };
        }
        const c = s.charCodeAt(this.pos + 1);
        if (c === 40 /* ( */ && s.charCodeAt(this.pos + 2) === 40) {
            this.pos = skipBalanced(s, this.pos + 1, 40, 41);
            return { text: s.slice(start, this.pos), expands: true };
        }
        if (c === 40) {
            this.nested(substitutions);
            return { text: s.slice(start, this.pos), expands: true };
        }
        if (c === 123 /* { */) {
            this.pos = skipBalanced(s, this.pos + 1, 123, 125);
            return { text: s.slice(start, this.pos), expands: true };
        }
        let j = this.pos + 1;
        if (j < s.length && /[A-Za-z_]/.test(s[j])) {
            while (j < s.length && /[A-Za-z0-9_]/.test(s[j]))
                j++;
        }
        else if (j < s.length && /[0-9@*#?$!-]/.test(s[j]))
            j++;
        else {
            // A lone `$` is literal.
            this.pos = j;
            return { text: '$', expands: false };
        }
        this.pos = j;
        return { text: s.slice(start, j), expands: true };
    }
    /** The script of `$(…)`, `<(…)` or `>(…)` at pos (two characters before it starts). */
    nested(substitutions) {
        if (this.depth >= shell_syntax_MAX_DEPTH) {
            this.pos = skipBalanced(this.src, this.pos + 1, 40, 41);
            substitutions.push([]);
            return;
        }
        const inner = new shell_syntax_Parser(this.src, this.depth + 1, true);
        inner.pos = this.pos + 2;
        substitutions.push(inner.script());
        // The nested script stopped at its closing `)`, already read (or at the end).
        this.pos = inner.pos;
    }
    // ---- parser ----
    script() {
        const list = this.list(new Set());
        return list;
    }
    /** A list up to a reserved word in `stops` (not consumed), `)`, `;;` or the end. */
    list(stops) {
        const out = [];
        for (;;) {
            const t = this.peek();
            if (t.type === 'end')
                break;
            if (t.type === 'newline' || (t.type === 'op' && (t.op === ';' || t.op === '&'))) {
                this.next();
                continue;
            }
            if (t.type === 'op' && (t.op === ')' || t.op === ';;' || t.op === ';&' || t.op === ';;&')) {
                if (stops.size > 0 || this.substitution)
                    break;
                this.next();
                continue;
            }
            if (t.type === 'word' && !t.word.quoted && (stops.has(t.word.text) || RESERVED_TERMINATORS.has(t.word.text))) {
                if (stops.has(t.word.text))
                    break;
                // A stray terminator (`fi` with no `if`): skip it.
                this.next();
                continue;
            }
            const andOr = this.andOr();
            if (andOr === null) {
                this.next();
                continue;
            }
            const sep = this.peek();
            if (sep.type === 'op' && sep.op === '&')
                andOr.background = true;
            out.push(andOr);
        }
        return out;
    }
    andOr() {
        const first = this.pipeline();
        if (first === null)
            return null;
        const result = { pipelines: [first], operators: [], background: false };
        for (;;) {
            const t = this.peek();
            if (t.type !== 'op' || (t.op !== '&&' && t.op !== '||'))
                break;
            this.next();
            this.skipNewlines();
            const p = this.pipeline();
            if (p === null)
                break;
            result.operators.push(t.op);
            result.pipelines.push(p);
        }
        return result;
    }
    pipeline() {
        let negated = false;
        let t = this.peek();
        while (t.type === 'word' && !t.word.quoted && t.word.text === '!') {
            negated = !negated;
            this.next();
            t = this.peek();
        }
        const first = this.command();
        if (first === null)
            return negated ? { negated, commands: [] } : null;
        const commands = [first];
        for (;;) {
            const p = this.peek();
            if (p.type !== 'op' || (p.op !== '|' && p.op !== '|&'))
                break;
            this.next();
            this.skipNewlines();
            const c = this.command();
            if (c === null)
                break;
            commands.push(c);
        }
        return { negated, commands };
    }
    skipNewlines() {
        while (this.peek().type === 'newline')
            this.next();
    }
    reserved() {
        const t = this.peek();
        return t.type === 'word' && !t.word.quoted ? t.word.text : null;
    }
    command() {
        if (this.depth >= shell_syntax_MAX_DEPTH)
            return this.simpleCommand();
        this.depth++;
        const c = this.compoundOrSimple();
        this.depth--;
        return c;
    }
    compoundOrSimple() {
        const t = this.peek();
        if (t.type === 'op' && t.op === '(') {
            this.next();
            const body = this.list(new Set([')']));
            this.expectOp(')');
            return this.withRedirects({ kind: 'subshell', conditions: [], bodies: [body], words: [], redirects: [] });
        }
        const r = this.reserved();
        switch (r) {
            case '{': {
                this.next();
                const body = this.list(new Set(['}']));
                this.expectWord('}');
                return this.withRedirects({ kind: 'group', conditions: [], bodies: [body], words: [], redirects: [] });
            }
            case 'if':
                return this.ifCommand();
            case 'while':
            case 'until': {
                this.next();
                const condition = this.list(new Set(['do']));
                this.expectWord('do');
                const body = this.list(new Set(['done']));
                this.expectWord('done');
                return this.withRedirects({ kind: r, conditions: [condition], bodies: [body], words: [], redirects: [] });
            }
            case 'for':
                return this.forCommand();
            case 'case':
                return this.caseCommand();
            case 'function': {
                this.next();
                const name = this.next();
                if (this.peekOp('(')) {
                    this.next();
                    this.expectOp(')');
                }
                this.skipNewlines();
                return this.functionFrom(name.type === 'word' ? name.word : plainWord(''), this.command());
            }
            default:
                if (r !== null && RESERVED_TERMINATORS.has(r))
                    return null;
                return this.simpleCommand();
        }
    }
    peekOp(op) {
        const t = this.peek();
        return t.type === 'op' && t.op === op;
    }
    expectOp(op) {
        if (this.peekOp(op))
            this.next();
    }
    expectWord(word) {
        if (this.reserved() === word)
            this.next();
    }
    ifCommand() {
        this.next();
        const conditions = [];
        const bodies = [];
        conditions.push(this.list(new Set(['then'])));
        this.expectWord('then');
        bodies.push(this.list(new Set(['elif', 'else', 'fi'])));
        for (;;) {
            const r = this.reserved();
            if (r === 'elif') {
                this.next();
                conditions.push(this.list(new Set(['then'])));
                this.expectWord('then');
                bodies.push(this.list(new Set(['elif', 'else', 'fi'])));
            }
            else if (r === 'else') {
                this.next();
                bodies.push(this.list(new Set(['fi'])));
            }
            else
                break;
        }
        this.expectWord('fi');
        return this.withRedirects({ kind: 'if', conditions, bodies, words: [], redirects: [] });
    }
    forCommand() {
        this.next();
        const words = [];
        const name = this.next();
        if (name.type === 'word')
            words.push(name.word);
        this.skipNewlines();
        if (this.reserved() === 'in') {
            this.next();
            for (;;) {
                const t = this.peek();
                if (t.type !== 'word')
                    break;
                this.next();
                words.push(t.word);
            }
        }
        // `for ((…))` and other forms: read up to `do`.
        while (this.peek().type !== 'end' && this.reserved() !== 'do')
            this.next();
        this.expectWord('do');
        const body = this.list(new Set(['done']));
        this.expectWord('done');
        return this.withRedirects({ kind: 'for', conditions: [], bodies: [body], words, redirects: [] });
    }
    caseCommand() {
        this.next();
        const words = [];
        const subject = this.next();
        if (subject.type === 'word')
            words.push(subject.word);
        this.skipNewlines();
        this.expectWord('in');
        const bodies = [];
        for (;;) {
            this.skipNewlines();
            const t = this.peek();
            if (t.type === 'end' || this.reserved() === 'esac')
                break;
            // The pattern: words and `|` up to `)`.
            if (this.peekOp('('))
                this.next();
            for (;;) {
                const p = this.peek();
                if (p.type === 'end' || p.type === 'newline' || (p.type === 'op' && p.op === ')'))
                    break;
                this.next();
            }
            this.expectOp(')');
            bodies.push(this.list(new Set(['esac'])));
            const sep = this.peek();
            if (sep.type === 'op' && (sep.op === ';;' || sep.op === ';&' || sep.op === ';;&'))
                this.next();
            else if (this.reserved() !== 'esac')
                break;
        }
        this.expectWord('esac');
        return this.withRedirects({ kind: 'case', conditions: [], bodies, words, redirects: [] });
    }
    withRedirects(c) {
        for (;;) {
            const r = this.redirect();
            if (r === null)
                break;
            c.redirects.push(r);
        }
        return c;
    }
    redirect() {
        const t = this.peek();
        if (t.type !== 'op')
            return null;
        // A redirection operator, after any file descriptor: starts with < or >, or is &> / &>>.
        let at = 0;
        while (at < t.op.length && isDigit(t.op.charCodeAt(at)))
            at++;
        const first = t.op.charCodeAt(at);
        if (first !== 60 && first !== 62 && !(first === 38 && t.op.charCodeAt(at + 1) === 62))
            return null;
        this.next();
        const op = t.op.slice(at);
        const fd = t.op.slice(0, at);
        const target = this.peek();
        let word = null;
        if (target.type === 'word') {
            this.next();
            word = target.word;
            if (op === '<<' || op === '<<-')
                this.heredocs.push({ delimiter: word.text, stripTabs: op === '<<-' });
        }
        return { op, fd, target: word };
    }
    simpleCommand() {
        const command = { kind: 'simple', assignments: [], words: [], redirects: [] };
        for (;;) {
            const r = this.redirect();
            if (r !== null) {
                command.redirects.push(r);
                continue;
            }
            const t = this.peek();
            if (t.type !== 'word')
                break;
            if (command.words.length === 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(t.word.raw)) {
                this.next();
                command.assignments.push(t.word);
                continue;
            }
            this.next();
            command.words.push(t.word);
            // `[[ … ]]`: its && || ( ) < > belong to the test.
            if (command.words.length === 1 && t.word.raw === '[[')
                this.conditionalExpression(command);
            // `name() { … }`: a function definition.
            if (command.words.length === 1 && command.assignments.length === 0 && this.peekOp('(')) {
                this.next();
                this.expectOp(')');
                this.skipNewlines();
                return this.functionFrom(t.word, this.command());
            }
        }
        return command.words.length === 0 && command.assignments.length === 0 && command.redirects.length === 0 ? null : command;
    }
    functionFrom(name, body) {
        return { kind: 'function', conditions: [], bodies: body === null ? [] : [[{ pipelines: [{ negated: false, commands: [body] }], operators: [], background: false }]], words: [name], redirects: [] };
    }
    conditionalExpression(command) {
        for (;;) {
            const t = this.peek();
            if (t.type === 'end' || t.type === 'newline')
                return;
            this.next();
            const word = t.type === 'word' ? t.word : plainWord(t.op);
            command.words.push(word);
            if (t.type === 'word' && t.word.raw === ']]')
                return;
        }
    }
}
/** The position after the bracket that closes the one at `open` (quotes skipped), or the end. */
function skipBalanced(s, open, opening, closing) {
    let depth = 0;
    for (let i = open; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c === 92)
            i++;
        else if (c === 39) {
            const end = s.indexOf("'", i + 1);
            i = end < 0 ? s.length : end;
        }
        else if (c === opening)
            depth++;
        else if (c === closing && --depth === 0)
            return i + 1;
    }
    return s.length;
}
/** Parses a shell script. */
function parseShell(script) {
    return new shell_syntax_Parser(script, 0).script();
}
const TOP = { tested: false, substituted: false, ignored: false };
const isNoop = (p) => {
    const c = p?.commands.length === 1 ? p.commands[0] : undefined;
    return c?.kind === 'simple' && c.words.length === 1 && (c.words[0]?.text === 'true' || c.words[0]?.text === ':');
};
/** The words of a command whose command substitutions run: its words, assignments and redirection targets. */
function wordsOf(c) {
    const targets = c.redirects.flatMap((r) => (r.target === null ? [] : [r.target]));
    return c.kind === 'simple' ? [...c.assignments, ...c.words, ...targets] : [...c.words, ...targets];
}
/** Calls `visit` for every pipeline of the script, nested ones included, with its context. */
function forEachPipeline(list, visit, context = TOP) {
    for (const andOr of list) {
        andOr.pipelines.forEach((p, i) => {
            const own = {
                tested: context.tested || p.negated,
                substituted: context.substituted,
                ignored: context.ignored || andOr.background || (andOr.operators[i] === '||' && isNoop(andOr.pipelines[i + 1]))
            };
            visit(p, own);
            for (const c of p.commands) {
                for (const w of wordsOf(c))
                    for (const s of w.substitutions)
                        forEachPipeline(s, visit, { ...own, substituted: true });
                if (c.kind === 'simple')
                    continue;
                for (const condition of c.conditions)
                    forEachPipeline(condition, visit, { ...own, tested: true });
                for (const b of c.bodies)
                    forEachPipeline(b, visit, own);
            }
        });
    }
}
/** Every simple command the script runs, those in command substitutions included. */
function simpleCommands(list) {
    const out = [];
    forEachPipeline(list, (p) => {
        for (const c of p.commands)
            if (c.kind === 'simple')
                out.push(c);
    });
    return out;
}
/** The simple commands of a command, in order, bodies and conditions included (not substitutions). */
function commandsWithin(c) {
    if (c.kind === 'simple')
        return [c];
    const out = [];
    for (const l of [...c.conditions, ...c.bodies])
        for (const a of l)
            for (const p of a.pipelines)
                for (const x of p.commands)
                    out.push(...commandsWithin(x));
    return out;
}

;// CONCATENATED MODULE: ./src/rules/run-helpers.ts
/** What rules ask of RUN instructions: commands, cache mounts, package installs. */




function runs(stage) {
    return stage.instructions.filter((i) => i.keyword === 'RUN');
}
/** A `--mount=type=cache` whose target is at or under one of the paths. */
function hasCacheMount(run, paths) {
    return (run.run?.mounts ?? []).some((m) => m.type === 'cache' && m.target !== null && paths.some((p) => trimTrailingSlashes(m.target).startsWith(p) || p.startsWith(trimTrailingSlashes(m.target))));
}
/** System package installs in one RUN: apt-get/apt install, apk add, dnf/yum/microdnf install. */
function systemInstalls(run) {
    return runInstalls(run).filter((p) => SYSTEM_MANAGERS.has(p.manager));
}
/** The virtual group name of `apk add --virtual NAME` / `-t NAME`, if any. */
function apkVirtual(c) {
    const i = c.args.findIndex((a) => a === '--virtual' || a === '-t');
    return i >= 0 ? (c.args[i + 1] ?? null) : null;
}

/**
 * The official images' patterns for building from source and dropping the toolchain in the same
 * layer: `apt-mark auto` + `apt-get purge --auto-remove`, or `apk add --virtual X` + `apk del X`.
 */
function dropsBuildDependencies(commands) {
    const aptAuto = commands.some((c) => isCommand(c, 'apt-mark', 'auto')) && commands.some((c) => (isCommand(c, 'apt-get', 'purge', 'remove') && c.args.includes('--auto-remove')) || isCommand(c, 'apt-get', 'autoremove'));
    if (aptAuto)
        return true;
    const virtuals = commands.filter((c) => isCommand(c, 'apk', 'add')).map(apkVirtual).filter((v) => v !== null);
    return virtuals.length > 0 && commands.some((c) => isCommand(c, 'apk', 'del') && virtuals.some((v) => c.args.includes(v)));
}
const syntaxCache = new WeakMap();
/** The shell structure of a shell-form RUN (or of its shell heredoc), parsed once per instruction. */
function runSyntax(run) {
    let list = syntaxCache.get(run);
    if (list === undefined) {
        list = run.form === 'json' ? [] : parseShell(runScript(run));
        syntaxCache.set(run, list);
    }
    return list;
}
/** Programs that run the command after them, with their options that take a value. */
const run_helpers_WRAPPERS = new Map([
    ['env', new Set(['-u', '--unset', '-C', '--chdir', '-S', '--split-string'])],
    ['exec', new Set(['-a'])],
    ['nohup', new Set()],
    ['time', new Set(['-f', '--format', '-o', '--output'])],
    ['nice', new Set(['-n', '--adjustment'])],
    ['command', new Set()],
    ['xargs', new Set(['-I', '-i', '-n', '-P', '-L', '-l', '-d', '-E', '-e', '-s', '-a', '--arg-file', '--delimiter', '--max-args', '--max-procs', '--replace'])],
    ['stdbuf', new Set(['-i', '-o', '-e'])],
    ['timeout', new Set(['-s', '--signal', '-k', '--kill-after'])]
]);
/**
 * The words of a simple command from the program it really runs: past wrappers such as
 * `env FOO=1`, `nice -n 5`, `xargs -r` or `timeout 10` (and their options). `sudo` is not a
 * wrapper here: it is a program of its own.
 */
function commandWords(c) {
    const words = c.words;
    let i = 0;
    while (i < words.length) {
        const w = words[i].text;
        const program = w.slice(w.lastIndexOf('/') + 1);
        const valued = run_helpers_WRAPPERS.get(program);
        if (valued === undefined || words[i].quoted)
            break;
        i++;
        while (i < words.length) {
            const a = words[i].text;
            if (a === '--') {
                i++;
                break;
            }
            if (a.startsWith('-') && a.length > 1)
                i += valued.has(a) ? 2 : 1;
            else if (program === 'env' && /^[A-Za-z_][A-Za-z0-9_]*=/.test(a))
                i++;
            // `timeout 10 cmd`: the duration.
            else if (program === 'timeout' && /^\d/.test(a))
                i++;
            else
                break;
        }
    }
    return words.slice(i);
}
/** The program a simple command runs, without its folder (`/usr/bin/curl` → `curl`), or ''. */
function programOf(c) {
    const w = commandWords(c)[0]?.text ?? '';
    return w.slice(w.lastIndexOf('/') + 1);
}

;// CONCATENATED MODULE: ./src/rules/apk-no-cache.ts

const apkNoCache = {
    meta: {
        id: 'apk-no-cache',
        title: 'apk add keeps its package cache in a shipped layer',
        severity: 'warning',
        category: 'size',
        scope: 'ships',
        equivalents: { hadolint: 'DL3019', buildkit: null }
    },
    check: ({ model }) => model.stages.flatMap((stage) => runs(stage).flatMap((run) => {
        if (hasCacheMount(run, ['/var/cache/apk', '/etc/apk/cache']))
            return [];
        const commands = runCommands(run);
        const cleaned = commands.some((c) => c.name === 'rm' && c.args.some((a) => a.startsWith('/var/cache/apk')));
        return commands
            .filter((c) => isCommand(c, 'apk', 'add') && !c.args.includes('--no-cache') && !cleaned)
            .slice(0, 1)
            .map(() => ({ line: run.line, endLine: run.endLine, message: 'apk add without --no-cache keeps the package index in the shipped image: use apk add --no-cache', stage: stage.index }));
    }))
};

;// CONCATENATED MODULE: ./src/rules/apt-lists-left.ts

const aptListsLeft = {
    meta: {
        id: 'apt-lists-left',
        title: 'apt package lists are left in a shipped layer',
        severity: 'warning',
        category: 'size',
        scope: 'ships',
        equivalents: { hadolint: 'DL3009', buildkit: null }
    },
    check: ({ model }) => model.stages.flatMap((stage) => runs(stage).flatMap((run) => {
        const commands = runCommands(run);
        const updates = commands.some((c) => isCommand(c, 'apt-get', 'update') || isCommand(c, 'apt', 'update'));
        if (!updates || hasCacheMount(run, ['/var/lib/apt/lists']))
            return [];
        const cleaned = commands.some((c) => c.name === 'rm' && c.args.some((a) => a.startsWith('/var/lib/apt/lists')));
        if (cleaned)
            return [];
        return [{ line: run.line, endLine: run.endLine, message: 'apt-get update leaves ~20-50 MB of package lists in this layer of the shipped image: end the same RUN with rm -rf /var/lib/apt/lists/*', stage: stage.index }];
    }))
};

;// CONCATENATED MODULE: ./src/rules/apt-upgrade.ts

const aptUpgrade = {
    meta: {
        id: 'apt-upgrade',
        title: 'apt-get upgrade in a Dockerfile',
        severity: 'info',
        category: 'correctness',
        scope: 'all',
        equivalents: { hadolint: 'DL3005', buildkit: null }
    },
    check: ({ model }) => model.stages.flatMap((stage) => runs(stage)
        .filter((run) => runCommands(run).some((c) => isCommand(c, 'apt-get', 'upgrade', 'dist-upgrade') || isCommand(c, 'apt', 'upgrade', 'full-upgrade')))
        .map((run) => ({ line: run.line, endLine: run.endLine, message: 'upgrading every package makes the build depend on the day it runs; prefer a fresher base image tag (or pin the packages you need)', stage: stage.index })))
};

;// CONCATENATED MODULE: ./src/parse/base-shell.ts
/**
 * What `/bin/sh` is on a base image, read from its name and tag: it decides what a shell-form
 * RUN, CMD or ENTRYPOINT can use (pipefail) and whether the shell stays PID 1. Only well-known
 * images and tag words are classified; anything else is 'unknown'.
 */
/** Official images built on Debian or Ubuntu unless their tag says otherwise. */
const DEBIAN_BASED = new Set([
    'debian', 'ubuntu', 'buildpack-deps', 'node', 'python', 'golang', 'ruby', 'php', 'perl', 'rust', 'gcc', 'eclipse-temurin', 'openjdk', 'maven', 'gradle',
    'nginx', 'httpd', 'postgres', 'redis', 'mariadb', 'mongo', 'wordpress', 'elixir', 'erlang', 'haskell', 'julia', 'r-base', 'swift', 'pypy', 'clojure', 'groovy', 'sapmachine'
]);
const RHEL_LIKE = new Set(['fedora', 'centos', 'rockylinux', 'almalinux', 'amazonlinux', 'oraclelinux', 'archlinux', 'photon', 'ubi', 'ubi8', 'ubi9', 'ubi10', 'ubi-minimal', 'ubi8-minimal', 'ubi9-minimal', 'ubi-init']);
const WINDOWS_TAG = /windowsservercore|nanoserver|servercore|ltsc20\d\d/;
const ALPINE_TAG = /alpine|busybox/;
const RHEL_TAG = /azurelinux|cbl-mariner|mariner|fedora|centos|rockylinux|almalinux|amazonlinux|amazoncorretto|oraclelinux|ubi\d/;
const DEBIAN_TAG = /bookworm|bullseye|buster|stretch|jessie|trixie|forky|sid|xenial|bionic|focal|jammy|noble|oracular|plucky|questing|resolute/;
/** The shell of an image (`node`, `mcr.microsoft.com/dotnet/aspnet`) with its tag, or 'unknown'. */
function baseShell(image, tag) {
    const name = image.toLowerCase().replace(/^(?:docker\.io\/|index\.docker\.io\/)/, '').replace(/^library\//, '');
    const t = (tag ?? '').toLowerCase();
    const last = name.slice(name.lastIndexOf('/') + 1);
    if (name.startsWith('mcr.microsoft.com/windows') || /(?:^|\/)(?:nanoserver|servercore|windowsservercore)$/.test(name) || name.includes('dotnet/framework') || WINDOWS_TAG.test(t))
        return 'cmd';
    if (t.includes('chiseled') || (name.includes('distroless') && !t.includes('debug')))
        return 'none';
    if (last === 'alpine' || last === 'busybox' || ALPINE_TAG.test(t))
        return 'ash';
    if (RHEL_TAG.test(t) || RHEL_LIKE.has(last) || name.includes('azurelinux') || name.includes('cbl-mariner') || name.startsWith('registry.access.redhat.com/') || name.startsWith('registry.redhat.io/'))
        return 'bash';
    if (DEBIAN_TAG.test(t) || DEBIAN_BASED.has(name) || name.startsWith('mcr.microsoft.com/dotnet/') || name.startsWith('mcr.microsoft.com/devcontainers/'))
        return 'dash';
    return 'unknown';
}
/** Shells that do not read POSIX sh: PowerShell and cmd, with or without a folder and `.exe`. */
function isPosixShellProgram(program) {
    const base = program.slice(Math.max(program.lastIndexOf('/'), program.lastIndexOf('\\')) + 1).toLowerCase().replace(/\.exe$/, '');
    return base !== 'pwsh' && base !== 'powershell' && base !== 'cmd';
}

;// CONCATENATED MODULE: ./src/parse/words.ts
/**
 * From an instruction's physical lines to its logical line and words, as BuildKit reads
 * them: the escape character at a line's end continues it; blank and comment lines inside
 * a continuation are dropped; quotes keep spaces inside one word. Every word remembers the
 * physical line it starts on, so findings point at the right line of a long RUN.
 */
/**
 * Where `text[from..]` continues on the next line: the index of the escape character that ends it
 * (blanks after it allowed), or -1. As BuildKit's lineContinuationRegex, `([^\\])\\[ \t]*$|^\\[ \t]*$`:
 * an escape right after another one is an escaped escape and does not continue the line
 * (`ENV C trailing\\backslash\\` ends there). BuildKit looks at that one character only, so
 * `a\\\` does not continue either. `lineStart` is where `^` is: BuildKit strips the indentation of
 * an instruction's first line, not of the lines that continue it.
 */
function continuationAt(text, from, lineStart, escape) {
    let end = text.length;
    while (end > from && (text[end - 1] === ' ' || text[end - 1] === '\t'))
        end--;
    if (end <= from || text[end - 1] !== escape)
        return -1;
    const at = end - 1;
    return at > lineStart && text[at - 1] === escape ? -1 : at;
}
function isBlankOrComment(text) {
    const trimmed = text.trimStart();
    return trimmed === '' || trimmed.startsWith('#');
}
/**
 * Joins `lines[first..last]` (0-based indexes) from column `column` of the first line, whose
 * indentation ends at `indent`. Stops at the first line that does not continue, so heredoc
 * bodies are left out.
 */
function logicalLine(lines, first, last, column, indent, escape) {
    const segmentOffsets = [];
    const segmentLines = [];
    const emptyLines = [];
    let text = '';
    let index = first;
    let line = lines[first] ?? '';
    let from = column;
    let lineStart = indent;
    for (;;) {
        const cut = continuationAt(line, from, lineStart, escape);
        segmentOffsets.push(text.length);
        segmentLines.push(index + 1);
        if (cut < 0) {
            text += line.slice(from);
            break;
        }
        text += line.slice(from, cut);
        index++;
        while (index <= last && isBlankOrComment(lines[index] ?? '')) {
            if ((lines[index] ?? '').trim() === '')
                emptyLines.push(index + 1);
            index++;
        }
        if (index > last) {
            index = last;
            break;
        }
        line = lines[index] ?? '';
        from = 0;
        lineStart = 0;
    }
    return { text, lastLine: index + 1, segmentOffsets, segmentLines, emptyLines };
}
function lineAt(logical, offset) {
    let lo = 0;
    let hi = logical.segmentOffsets.length - 1;
    while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (logical.segmentOffsets[mid] <= offset)
            lo = mid;
        else
            hi = mid - 1;
    }
    return logical.segmentLines[lo] ?? 1;
}
const isSpaceCode = (c) => c === 32 || c === 9 || c === 13 || c === 10;
/** Splits on whitespace outside quotes; an escaped character never splits. Compares char codes: this runs on every instruction. */
function splitWords(logical, escape, from = 0) {
    const text = logical.text;
    const esc = escape.charCodeAt(0);
    const words = [];
    let i = from;
    while (i < text.length) {
        while (i < text.length && isSpaceCode(text.charCodeAt(i)))
            i++;
        if (i >= text.length)
            break;
        const start = i;
        let quote = 0;
        while (i < text.length) {
            const c = text.charCodeAt(i);
            if (quote !== 0) {
                if (c === esc && quote === 34 && i + 1 < text.length)
                    i++;
                else if (c === quote)
                    quote = 0;
            }
            else if (c === esc && i + 1 < text.length) {
                i++;
            }
            else if (c === 34 || c === 39) {
                quote = c;
            }
            else if (isSpaceCode(c)) {
                break;
            }
            i++;
        }
        words.push({ text: text.slice(start, i), line: lineAt(logical, start), offset: start });
    }
    return words;
}
/** Removes one level of matching quotes around a whole word, if any. */
function unquote(word) {
    if (word.length >= 2) {
        const first = word[0];
        if ((first === '"' || first === "'") && word[word.length - 1] === first)
            return word.slice(1, -1);
    }
    return word;
}
/** Splits `a=1,b="x,y"` on commas outside quotes (BuildKit reads mount options as CSV). */
function splitCsv(value) {
    const parts = [];
    let current = '';
    let quote = '';
    for (const c of value) {
        if (quote !== '') {
            if (c === quote)
                quote = '';
            else
                current += c;
        }
        else if (c === '"' || c === "'") {
            quote = c;
        }
        else if (c === ',') {
            parts.push(current);
            current = '';
        }
        else {
            current += c;
        }
    }
    parts.push(current);
    return parts;
}

;// CONCATENATED MODULE: ./src/rules/helpers.ts
/** Small queries rules share: stage inheritance chains and instruction lookups. */







/** The last instruction with this keyword in the stage or, if none, in the stages it inherits from. */
function effectiveInstruction(model, index, keyword) {
    return lastInChain(stageChain(model, index), keyword);
}
/** The external image at the root of a stage's FROM chain, or null (scratch, or unresolved). */
function rootImage(model, index) {
    const root = stageChain(model, index)[0];
    return root !== undefined && root.base.kind === 'image' && root.base.image !== null ? root : null;
}
/** Instructions of a stage after its FROM. */
function body(stage) {
    return stage.instructions.slice(1);
}
/** A path resolved against a working directory, normalised. */
function resolvePath(workdir, path) {
    return joinPath(workdir, path);
}
/** Edit distance (insert, delete, substitute), for "did you mean" suggestions. Inputs are short. */
function editDistance(a, b) {
    let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
    let prevPrev = prev;
    for (let i = 1; i <= a.length; i++) {
        const cur = [i];
        for (let j = 1; j <= b.length; j++) {
            cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
            // A swap of two neighbours is one typo (optimal string alignment).
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                cur[j] = Math.min(cur[j], prevPrev[j - 2] + 1);
        }
        prevPrev = prev;
        prev = cur;
    }
    return prev[b.length];
}
/** The text of an instruction that Docker or the shell expands: flag values, words and unquoted heredoc bodies. */
function expandableText(ins) {
    return [...ins.flags.map((f) => f.value ?? ''), ...ins.args, ...ins.heredocs.filter((h) => !h.quoted).map((h) => h.content)].join('\n');
}
/** The closest candidate within a small edit distance (about one typo per four letters), or null. */
function closest(name, candidates) {
    let best = null;
    let bestDistance = Infinity;
    const limit = Math.min(2, Math.max(1, Math.floor(name.length / 4)));
    const lower = name.toLowerCase();
    for (const c of candidates) {
        // Lengths further apart than the limit cannot be within it: skip the quadratic distance.
        if (c === name || Math.abs(c.length - name.length) > limit)
            continue;
        const d = editDistance(lower, c.toLowerCase());
        if (d <= limit && d < bestDistance) {
            best = c;
            bestDistance = d;
        }
    }
    return best;
}
const helpers_TOOLCHAIN_BASES = /^(?:buildpack-deps|golang|rust|gcc|maven|gradle|mcr\.microsoft\.com\/dotnet\/sdk)$/;
/** Whether a stage's FROM chain starts at a toolchain image, i.e. the image is a toolchain by design. */
function builtOnToolchain(model, index) {
    const root = rootImage(model, index);
    return root !== null && helpers_TOOLCHAIN_BASES.test(root.base.image ?? '');
}
const isUpper = (s) => s === s.toUpperCase();
const isLower = (s) => s === s.toLowerCase();
/** A COPY or ADD from the build context (not --from). */
const isContextCopy = (i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && i.copy !== undefined && i.copy.from === null;
/**
 * Whether the folder we took for the build context looks like it: the files the Dockerfile copies
 * by name are there, and it holds more than Dockerfiles. A lone Dockerfile (a copied snippet, a
 * context elsewhere) proves nothing about a .dockerignore, so the context rules stay quiet then.
 */
/** Dockerfiles and their ignore files: a folder of nothing else holds no build context. */
const DOCKERFILE_NAME = /(?:^|[._-])(?:docker|container)file(?:[._-]|$)|\.dockerignore$/i;
function contextLooksReal(model, context) {
    if (context.entries === undefined)
        return true;
    if ([...context.entries].every((name) => DOCKERFILE_NAME.test(name)))
        return false;
    const named = model.stages
        .flatMap((s) => s.instructions)
        .filter(isContextCopy)
        .flatMap((i) => i.copy?.sources ?? [])
        .map((source) => source.replace(/^\.\//, '').split('/')[0] ?? '')
        .filter((first) => first !== '' && first !== '.' && !first.startsWith('<<') && !/[*?[$]/.test(first) && !/^https?:/.test(first));
    return named.length === 0 || named.some((first) => context.entries?.has(first) === true);
}
/** The registry host an image reference pulls from (Docker Hub names → docker.io). */
function registryOf(image) {
    const ref = parseImageReference(image);
    if (ref === null)
        return null;
    return isDockerHub(ref.registry) ? 'docker.io' : ref.registry.toLowerCase();
}
/** How an external image came in, as the reader wrote it. */
function referenceKind(ref) {
    return ref.via === 'from' ? 'FROM' : ref.via === 'copy' ? 'COPY --from' : 'RUN --mount from';
}
/** Image names and tags of Windows bases: Windows Server images and the .NET Framework ones built on them. */
const WINDOWS_IMAGE = /windows|nanoserver|servercore|dotnet\/framework/i;
/**
 * Whether a stage builds a Windows image: its FROM chain names a Windows base (as written or
 * resolved), asks for a windows platform, or the file switches the escape character to a
 * backtick (done so that `C:\` paths need no escaping).
 */
function isWindowsStage(model, index) {
    if (model.directives.escape?.value === '`')
        return true;
    return stageChain(model, index).some((s) => WINDOWS_IMAGE.test(s.base.raw) || WINDOWS_IMAGE.test(s.base.resolved) || /^windows\//i.test(s.base.platform ?? ''));
}
/**
 * Where a COPY/ADD destination or WORKDIR path points from, as BuildKit reads it: `absolute`,
 * `relative` (to the working directory) or `unknown` (it starts with a variable that has no value
 * here, or is empty). `C:\x` and `c:/x` count as absolute anywhere; `\x` and `\\host` on Windows.
 */
function pathKind(word, windows) {
    if (word === null)
        return 'unknown';
    if (startsWithUnresolved(word))
        return 'unknown';
    const value = word.value;
    // A JSON-form path is not expanded (raw is value): a `$` there is a variable we did not resolve.
    if (value === '' || (value.startsWith('$') && word.raw === value))
        return 'unknown';
    if (value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value))
        return 'absolute';
    if (windows && value.startsWith('\\'))
        return 'absolute';
    return 'relative';
}
/** `$X/...`, `"${X}"...` where X has no value: what the path starts with is unknown. */
function startsWithUnresolved(word) {
    if (word.unresolved.length === 0)
        return false;
    let i = 0;
    while (word.raw[i] === '"')
        i++;
    if (word.raw[i] !== '$')
        return false;
    const start = i + (word.raw[i + 1] === '{' ? 2 : 1);
    let end = start;
    while (end < word.raw.length && /[A-Za-z0-9_]/.test(word.raw[end]))
        end++;
    return word.unresolved.includes(word.raw.slice(start, end));
}
/** A path word's value when every variable in it has one, else null (where it points is unknown). */
function knownValue(word) {
    return word === null || word === undefined || word.unresolved.length > 0 ? null : word.value;
}
/**
 * The global ARG whose default a FROM's image comes from (`ARG BASE=node:latest` then
 * `FROM $BASE`), when that default holds what `holds` asks about; null when the FROM line
 * itself holds it, or the value came from a build arg rather than the default.
 */
function argBehindFrom(model, stage, holds) {
    for (const name of referencedNames(stage.base.raw)) {
        const arg = model.globalArgs.filter((a) => a.name === name && a.line < stage.line).pop();
        if (arg === undefined || arg.raw === null || arg.value === null)
            continue;
        const fromDefault = arg.raw.includes('$') || unquote(arg.raw) === arg.value;
        if (fromDefault && holds(arg.value))
            return arg;
    }
    return null;
}
/** Where a base image finding points: the FROM, or the ARG default it comes from (with the FROM's ignore comments still applying). */
function fromOrArg(stage, arg) {
    if (arg === null)
        return { line: stage.line, subject: `FROM ${stage.base.resolved}` };
    return { line: arg.line, alsoSuppressedAt: [stage.line], subject: `ARG ${arg.name}=${arg.value ?? ''} (used by FROM on line ${stage.line})` };
}
const DISTROLESS = /^gcr\.io\/distroless\/([a-z0-9._-]+)$/;
/** Distroless names that exist with a `-debian12` suffix. */
const DISTROLESS_DEBIAN12 = new Set(['static', 'base', 'base-nossl', 'cc', 'python3']);
/** Distroless publishes no version tags; a `-debianNN` name fixes the Debian release, a digest the rest. */
function distroless(image) {
    const m = DISTROLESS.exec(image);
    if (m === null)
        return null;
    const name = m[1];
    return { name, pinsRelease: /-debian\d+$/.test(name) };
}
/**
 * How to pin this image, naming only what its publisher has: version tags for Docker Hub's
 * official images, a `-debianNN` name and a digest for distroless (no version tags), and for
 * others a version tag if the publisher has them, else a digest.
 */
function pinAdvice(image) {
    const d = distroless(image);
    if (d !== null) {
        const suffixed = DISTROLESS_DEBIAN12.has(d.name) ? `gcr.io/distroless/${d.name}-debian12` : `a -debianNN name of gcr.io/distroless/${d.name}`;
        return d.pinsRelease
            ? 'distroless publishes no version tags: pin a digest (@sha256:…) for a reproducible build'
            : `distroless publishes no version tags and this name follows the newest Debian release: use ${suffixed} to fix the release, and a digest (@sha256:…) for a reproducible build`;
    }
    const ref = parseImageReference(image);
    const official = ref !== null && isDockerHub(ref.registry) && !ref.name.includes('/');
    return official ? 'pin a version tag' : `pin a version tag if ${image} publishes them, or a digest (@sha256:…)`;
}
const PRAGMA = /^hadolint\s+shell\s*=\s*(\S+)/;
/**
 * The shell in effect just before `line` in a stage (by default at its end): SHELL instructions
 * and `# hadolint shell=…` comments of the stage and of the stages it is built FROM (a comment
 * before the first FROM sets every stage's default, as in hadolint), over the base image's default.
 */
function stageShell(model, index, line = Infinity) {
    const chain = stageChain(model, index);
    const root = chain[0];
    const base = root === undefined || root.base.kind === 'scratch' ? 'none' : root.base.kind === 'image' && root.base.image !== null ? baseShell(root.base.image, root.base.tag) : 'unknown';
    const firstFrom = model.stages[0]?.line ?? Infinity;
    const pragmas = model.comments.flatMap((c) => {
        const m = PRAGMA.exec(c.text);
        return m === null ? [] : [{ line: c.line, shell: m[1] }];
    });
    let argv = null;
    let shellLine = null;
    let pragma = pragmas.filter((p) => p.line < firstFrom).pop()?.shell ?? null;
    // The shell set last wins: a SHELL instruction, or a pragma comment between the stage's FROM and the next FROM.
    let setBy = pragma === null ? null : 'pragma';
    for (const stage of chain) {
        const until = stage.index === index ? line : Infinity;
        const next = model.stages[stage.index + 1]?.line ?? Infinity;
        const events = [
            ...stage.instructions.filter((i) => i.keyword === 'SHELL' && i.form === 'json' && (i.json ?? []).length > 0 && i.line < until).map((i) => ({ line: i.line, shell: i })),
            ...pragmas.filter((p) => p.line > stage.line && p.line < next && p.line < until).map((p) => ({ line: p.line, shell: p.shell }))
        ].sort((a, b) => a.line - b.line);
        for (const e of events) {
            if (typeof e.shell === 'string') {
                pragma = e.shell;
                setBy = 'pragma';
            }
            else {
                argv = e.shell.json;
                shellLine = e.line;
                setBy = 'shell';
            }
        }
    }
    const program = setBy === 'shell' ? (argv?.[0] ?? '') : setBy === 'pragma' ? (pragma ?? '') : base === 'cmd' ? 'cmd' : '/bin/sh';
    return { argv, line: shellLine, base, pragma, posix: isPosixShellProgram(program) };
}
/** Whether shell-form instructions at this point of the stage are POSIX sh (not PowerShell, cmd or a Windows base). */
function posixShell(model, index, line = Infinity) {
    return stageShell(model, index, line).posix;
}

;// CONCATENATED MODULE: ./src/rules/stage-files.ts
/**
 * Which absolute paths a stage creates, read off its own instructions: COPY/ADD destinations
 * and what its RUN commands write (`go build -o`, `> file`, `cp`, `tar -C`, `git clone`...).
 * A static reader cannot run the commands, so `outputs` is a lower bound of what a stage makes,
 * and `mayProvide` leans the other way: it says yes whenever a stage could plausibly have the
 * path. Rules built on the two stay quiet unless the evidence is strong. Pure; `stageFiles`
 * memoises per model, so a file of thousands of stages or RUNs stays linear.
 */




/** A path we can reason about: no variables, globs, braces or command substitution. */
function isPlainPath(path) {
    return path !== '' && !/[$*?[`{}"']/.test(path);
}
function parentOf(path) {
    const cut = path.lastIndexOf('/');
    return cut <= 0 ? '/' : path.slice(0, cut);
}
function baseName(path) {
    const trimmed = trimTrailingSlashes(path);
    return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}
/** `at` is `path` or inside it. */
function isUnder(at, path) {
    return at === path || path === '/' || at.startsWith(`${path}/`);
}
/** A source that names one file (`app.jar`, `config/settings.yml`), not a folder or `.`. */
function looksLikeFile(source) {
    const name = baseName(source);
    return !source.endsWith('/') && name.lastIndexOf('.') > 0;
}
/** ADD unpacks a local tar archive into the destination: its contents are unknown. */
const stage_files_ARCHIVE = /\.(?:tar|tgz|tbz2?|txz|tar\.(?:gz|bz2|xz|zst|lz4))$/i;
/** One file copied as itself, not a folder or an archive ADD unpacks. */
function copiesOneFile(ins, source) {
    if (!looksLikeFile(source))
        return false;
    return ins.keyword !== 'ADD' || /^https?:\/\//i.test(source) || !stage_files_ARCHIVE.test(source);
}
const hasGlob = (path) => /[*?[]/.test(path);
/** A container path resolved against the working folder; null when it cannot be known. */
function resolveIn(cwd, path) {
    if (!isPlainPath(path))
        return null;
    if (path.startsWith('/'))
        return joinPath('/', path);
    return cwd === null ? null : joinPath(cwd, path);
}
/** What one COPY/ADD creates: the destination, as a file or as a folder of the sources. */
function copyOutputs(ins, cwd) {
    const copy = ins.copy;
    if (copy === undefined || copy.destination === null)
        return [];
    const destination = resolveIn(cwd, copy.destination);
    if (destination === null)
        return [];
    const base = { line: ins.line, via: copy.from === null ? ins.keyword : `${ins.keyword} --from=${copy.from}`, built: false };
    const intoFolder = copy.destination.endsWith('/') || copy.destination === '.' || copy.sources.length > 1;
    const out = [];
    for (const source of copy.sources) {
        const heredoc = source.startsWith('<<');
        if (heredoc || (copiesOneFile(ins, source) && !hasGlob(source))) {
            const name = heredoc ? source.slice(2).replace(/^-/, '') : baseName(source);
            // Without a trailing slash the destination is the file, or a folder that already exists.
            if (!intoFolder)
                out.push({ ...base, path: destination, kind: 'file' });
            out.push({ ...base, path: joinPath(destination, name), kind: 'file' });
        }
        else
            out.push({ ...base, path: destination, kind: 'tree' });
    }
    return out;
}
/** Compilers and tools whose `-o` names the file they write. */
const WRITES_O = new Set(['gcc', 'g++', 'cc', 'c++', 'clang', 'clang++', 'rustc', 'tinygo', 'gccgo', 'nvcc', 'upx', 'strip', 'ld']);
/** Tools that build into their working folder, files we cannot name. */
const BUILDS_IN_PLACE = new Set(['make', 'cmake', 'ninja', 'mvn', 'mvnw', 'gradle', 'gradlew', 'npm', 'yarn', 'pnpm', 'npx', 'bun', 'ant', 'sbt', 'meson', 'bazel', 'composer', 'bundle', 'cargo', 'python', 'python3', 'node', 'sh', 'bash']);
/** Where a dependency install writes, under the working folder. */
const INSTALLS_INTO = { npm: 'node_modules', yarn: 'node_modules', pnpm: 'node_modules', bun: 'node_modules', composer: 'vendor', bundle: 'vendor' };
const INSTALL_SUBCOMMANDS = new Set(['install', 'ci', 'i', 'add']);
/** The value of an option written `-o X`, `-o=X`, `--output X`, `--output=X` or `-o/x`. */
function stage_files_optionValue(args, names) {
    for (let i = 0; i < args.length; i++) {
        const a = args[i];
        for (const n of names) {
            if (a === n)
                return args[i + 1] ?? null;
            if (a.startsWith(`${n}=`))
                return a.slice(n.length + 1);
            if (n.length === 2 && a.startsWith(n) && a[2] === '/')
                return a.slice(2);
        }
    }
    return null;
}
function operandsOf(args) {
    return args.filter((a) => !a.startsWith('-') && !/^\d*>/.test(a));
}
/** `> file`, `>> file`, `2>file`: where a command's output goes (not /dev/*). */
function redirectTargets(args) {
    const out = [];
    for (let i = 0; i < args.length; i++) {
        const m = /^[0-9&]?>>?(.*)$/.exec(args[i]);
        if (m === null)
            continue;
        const target = m[1] === '' ? args[i + 1] : m[1];
        if (target !== undefined && target !== '' && !target.startsWith('&') && !target.startsWith('/dev/'))
            out.push(target);
    }
    return out;
}
function urlBaseName(url) {
    return /^[a-z]+:\/\/[^/]+\/(?:[^?#]*\/)?([^/?#]+)/i.exec(url)?.[1] ?? null;
}
function downloadOutputs(c) {
    const url = c.args.find((a) => /^https?:\/\//.test(a));
    const name = url === undefined ? null : urlBaseName(url);
    if (c.program === 'curl') {
        const o = stage_files_optionValue(c.args, ['-o', '--output']);
        if (o !== null)
            return [{ path: o, kind: 'file', via: 'curl -o' }];
        const remoteName = c.args.some((a) => a === '--remote-name' || /^-[a-zA-Z]*O[a-zA-Z]*$/.test(a));
        return remoteName ? [{ path: name, kind: 'file', via: 'curl -O' }] : [];
    }
    const o = stage_files_optionValue(c.args, ['-O', '--output-document']);
    if (o === '-')
        return [];
    if (o !== null)
        return [{ path: o, kind: 'file', via: 'wget -O' }];
    const folder = stage_files_optionValue(c.args, ['-P', '--directory-prefix']);
    return name === null ? [] : [{ path: folder === null ? name : `${trimTrailingSlashes(folder)}/${name}`, kind: 'file', via: 'wget' }];
}
/** `git clone [options] <repository> [<folder>]`: option values sit in between, so find the repository. */
function cloneOutput(c) {
    const at = c.args.findIndex((a) => /^(?:[a-z+]+:\/\/|[\w.-]+@[\w.-]+:)/i.test(a));
    if (at < 0)
        return [];
    const next = c.args[at + 1];
    const folder = next !== undefined && !next.startsWith('-') ? next : baseName(c.args[at]).replace(/\.git$/, '');
    return [{ path: folder, kind: 'tree', via: 'git clone' }];
}
/** The paths one shell command writes, relative ones as written. */
function commandOutputs(c, cwd) {
    const out = redirectTargets(c.args).map((t) => ({ path: t, kind: 'file', via: '>' }));
    const { program: p, subcommand: sub, args } = c;
    const o = (names) => stage_files_optionValue(args, names);
    if (p === 'go' && (sub === 'build' || sub === 'test')) {
        const value = o(['-o']);
        out.push(value === null ? { path: cwd, kind: 'tree', via: 'go build' } : { path: value, kind: value.endsWith('/') ? 'tree' : 'file', via: 'go build -o' });
    }
    else if (p === 'go' && sub === 'install')
        out.push({ path: '/go/bin', kind: 'tree', via: 'go install' });
    else if (WRITES_O.has(p))
        out.push({ path: o(['-o']), kind: 'file', via: `${p} -o` });
    else if (p === 'dotnet' && (sub === 'publish' || sub === 'build'))
        out.push({ path: o(['-o', '--output']) ?? cwd, kind: 'tree', via: `dotnet ${sub}` });
    else if (p === 'curl' || p === 'wget')
        out.push(...downloadOutputs(c));
    else if (p === 'mkdir')
        out.push(...operandsOf(args).map((d) => ({ path: d, kind: 'folder', via: 'mkdir' })));
    else if (p === 'touch' || p === 'tee')
        out.push(...operandsOf(args).map((f) => ({ path: f, kind: 'file', via: p })));
    else if (p === 'install' && args.includes('-d'))
        out.push(...operandsOf(args).map((d) => ({ path: d, kind: 'folder', via: 'install -d' })));
    else if (p === 'cp' || p === 'mv' || p === 'rsync' || p === 'ln' || p === 'install') {
        const ops = operandsOf(args);
        out.push({ path: o(['-t', '--target-directory']) ?? (ops.length > 1 ? ops[ops.length - 1] : null), kind: 'tree', via: p });
    }
    else if (p === 'tar' || p === 'bsdtar')
        out.push({ path: o(['-C', '--directory']) ?? cwd, kind: 'tree', via: 'tar' });
    else if (p === 'unzip')
        out.push({ path: o(['-d']) ?? cwd, kind: 'tree', via: 'unzip' });
    else if (p === 'git' && sub === 'clone')
        out.push(...cloneOutput(c));
    else if (/^pip[0-9.]*$/.test(p)) {
        const target = o(['-t', '--target', '--prefix', '--root']);
        if (target !== null)
            out.push({ path: target, kind: 'tree', via: 'pip install --target' });
    }
    else if (BUILDS_IN_PLACE.has(p) && cwd !== null) {
        // A dependency install fills one folder; a build may write anywhere under the working folder.
        const deps = INSTALLS_INTO[p];
        const installs = deps !== undefined && (INSTALL_SUBCOMMANDS.has(sub) || (p === 'yarn' && sub === ''));
        out.push({ path: installs ? joinPath(cwd, deps) : cwd, kind: 'tree', via: sub === '' ? p : `${p} ${sub}` });
    }
    return out;
}
/** What one RUN writes, from its working folder; a `cd` inside the RUN is followed. */
function runOutputs(run, workdir) {
    const out = [];
    let cwd = workdir;
    for (const c of run.run?.commands ?? []) {
        if (c.program === 'cd') {
            const to = c.args[0];
            cwd = to === undefined ? '/root' : resolveIn(cwd, to);
            continue;
        }
        for (const o of commandOutputs(c, cwd)) {
            const path = o.path === null ? null : resolveIn(cwd, o.path);
            if (path !== null)
                out.push({ path, kind: o.kind, line: run.line, via: o.via, built: true });
        }
    }
    return out;
}
/** Whether an output is evidence that `path` exists in its stage: the file itself, or a folder of unknown contents holding it. */
function outputHas(output, path) {
    if (output.kind === 'file')
        return output.path === path;
    return output.kind === 'tree' && output.path !== '/' && isUnder(path, output.path);
}
/** The text of a RUN as the shell sees it, heredoc bodies included. */
function runText(ins) {
    return `${ins.raw}\n${runScript(ins)}\n${ins.heredocs.map((h) => h.content).join('\n')}`;
}
/** Whether a COPY/ADD could put `path` in place (a folder source may hold anything). */
function copyMayProvide(ins, cwd, path) {
    const copy = ins.copy;
    if (copy === undefined || copy.destination === null)
        return false;
    const destination = resolveIn(cwd, copy.destination);
    if (destination === null)
        return true;
    if (!isUnder(path, destination))
        return false;
    return copy.sources.some((source) => {
        const heredoc = source.startsWith('<<');
        if (!heredoc && !copiesOneFile(ins, source) && !hasGlob(baseName(source)))
            return true;
        const name = heredoc ? source.slice(2).replace(/^-/, '') : baseName(source);
        return path === destination || (parentOf(path) === destination && globMatches(name, baseName(path)));
    });
}
/** Folders no public base image has: a project's own layout. */
const PROJECT_FOLDERS = ['/app', '/src', '/out', '/output', '/build', '/dist', '/go/bin', '/usr/src/app', '/workspace', '/code', '/publish'];
/** Images with next to no files: nothing is there unless the Dockerfile puts it there. */
const EMPTY_BASES = /^(?:gcr\.io\/distroless\/|cgr\.dev\/chainguard\/(?:static|glibc-dynamic)$)/;
/** Publishers whose images keep to their distribution's layout (no /app of their own). */
const KNOWN_PUBLISHERS = /^(?:mcr\.microsoft\.com\/dotnet\/|gcr\.io\/distroless\/|cgr\.dev\/chainguard\/|registry\.access\.redhat\.com\/ubi|public\.ecr\.aws\/docker\/library\/)/;
/**
 * Whether the base image at the root of a stage's chain certainly lacks `path`: `scratch` and
 * distroless have nothing; an official or well-known image has no project folder. An image we
 * cannot name (a variable), a private one, or an ONBUILD variant may have anything.
 */
function baseLacks(root, path) {
    if (root === undefined)
        return false;
    if (root.base.kind === 'scratch')
        return true;
    const image = root.base.image;
    if (root.base.kind !== 'image' || image === null || root.base.raw.includes('$') || /onbuild/i.test(root.base.tag ?? ''))
        return false;
    if (EMPTY_BASES.test(image))
        return true;
    const official = !image.includes('/') || /^(?:docker\.io\/)?library\//.test(image);
    return (official || KNOWN_PUBLISHERS.test(image)) && PROJECT_FOLDERS.some((f) => isUnder(path, f));
}
function nextWorkdir(workdir, current) {
    const arg = workdir.args[0];
    if (arg === undefined)
        return current;
    const expansion = expandWord(arg, workdir.scope);
    return expansion.unresolved.length > 0 || expansion.malformed ? null : resolveIn(current, expansion.value);
}
function stageFiles(model) {
    const workdirMemo = new Map();
    const endMemo = new Map();
    const outputMemo = new Map();
    const runMemo = new Map();
    let byPath = null;
    // Stages are built FROM earlier stages only, so each memo entry needs only smaller indexes.
    const endWorkdir = (index) => {
        if (!endMemo.has(index)) {
            const stage = model.stages[index];
            const last = stage.instructions[stage.instructions.length - 1];
            const before = workdirs(index).get(last) ?? null;
            endMemo.set(index, last.keyword === 'WORKDIR' ? nextWorkdir(last, before) : before);
        }
        return endMemo.get(index) ?? null;
    };
    const workdirs = (index) => {
        let map = workdirMemo.get(index);
        if (map !== undefined)
            return map;
        map = new Map();
        const stage = model.stages[index];
        if (stage !== undefined) {
            const base = stage.base.kind === 'stage' && stage.base.stage !== null && stage.base.stage < index ? stage.base.stage : null;
            let current = base === null ? '/' : endWorkdir(base);
            for (const ins of stage.instructions) {
                map.set(ins, current);
                if (ins.keyword === 'WORKDIR')
                    current = nextWorkdir(ins, current);
            }
        }
        workdirMemo.set(index, map);
        return map;
    };
    const runOf = (ins, cwd) => {
        let out = runMemo.get(ins);
        if (out === undefined) {
            out = runOutputs(ins, cwd);
            runMemo.set(ins, out);
        }
        return out;
    };
    const outputs = (index) => {
        let out = outputMemo.get(index);
        if (out !== undefined)
            return out;
        out = [];
        const wd = workdirs(index);
        for (const ins of model.stages[index]?.instructions ?? []) {
            const cwd = wd.get(ins) ?? null;
            if (ins.keyword === 'COPY' || ins.keyword === 'ADD')
                out.push(...copyOutputs(ins, cwd));
            else if (ins.keyword === 'RUN')
                out.push(...runOf(ins, cwd));
        }
        outputMemo.set(index, out);
        return out;
    };
    const makers = (path) => {
        if (byPath === null) {
            byPath = new Map();
            for (const stage of model.stages) {
                for (const output of outputs(stage.index)) {
                    if (output.kind === 'folder' || output.path === '/')
                        continue;
                    const list = byPath.get(output.path) ?? [];
                    list.push({ stage, output });
                    byPath.set(output.path, list);
                }
            }
        }
        // The file itself, or a folder of unknown contents on its way up: one lookup per folder level.
        const found = [];
        for (let at = path; at !== '/'; at = parentOf(at)) {
            for (const m of byPath.get(at) ?? [])
                if (outputHas(m.output, path))
                    found.push(m);
        }
        return found;
    };
    const chain = (index) => stageChain(model, index);
    const mayProvide = (index, path, until = null) => {
        const name = baseName(path);
        for (const stage of chain(index)) {
            const wd = workdirs(stage.index);
            for (const ins of stage.instructions) {
                if (ins === until)
                    return false;
                const cwd = wd.get(ins) ?? null;
                if (ins.keyword === 'COPY' || ins.keyword === 'ADD') {
                    if (copyMayProvide(ins, cwd, path))
                        return true;
                }
                else if (ins.keyword === 'RUN') {
                    if (runOf(ins, cwd).some((o) => o.kind !== 'folder' && isUnder(path, o.path)))
                        return true;
                    if (name.length >= 3 && runText(ins).includes(name))
                        return true;
                }
                else if (ins.keyword === 'VOLUME') {
                    const volumes = ins.form === 'json' ? (ins.json ?? []) : ins.args;
                    if (volumes.some((v) => { const at = resolveIn(cwd, v); return at === null || isUnder(path, at); }))
                        return true;
                }
                else if (ins.keyword === 'ONBUILD')
                    return true;
            }
        }
        return false;
    };
    return { workdirs, startFolder: endWorkdir, outputs, chain, makers, mayProvide };
}

;// CONCATENATED MODULE: ./src/rules/artifact-not-copied.ts




/** Programs whose first operand is the file they run (`node /app/server.js`, `java -jar app.jar`). */
const INTERPRETERS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'node', 'python', 'ruby', 'perl', 'php', 'dotnet', 'java', 'bun', 'deno']);
/** Uses looked at per file: enough for any real Dockerfile, and a bound for generated ones. */
const MAX_CHECKS = 200;
/** The absolute path a command line runs: its program, or an interpreter's script. Null: a PATH lookup or unknowable. */
function executedPath(words, workdir) {
    let i = 0;
    while (words[i] === 'exec' || words[i] === 'env' || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i] ?? ''))
        i++;
    const program = words[i];
    if (program === undefined)
        return null;
    if (program.includes('/'))
        return isPlainPath(program) ? joinPath(workdir, program) : null;
    if (!INTERPRETERS.has(program.replace(/[0-9.]+$/, '')))
        return null;
    const rest = words.slice(i + 1);
    let script;
    if (program === 'java') {
        const jar = rest.indexOf('-jar');
        script = jar < 0 ? undefined : rest[jar + 1];
    }
    else {
        // `sh -c "…"` and `python -m module` run no file.
        if (rest.some((w) => w === '-c' || w === '-m' || w === '-e' || w === '--eval'))
            return null;
        script = rest.find((w) => !w.startsWith('-'));
    }
    if (script === undefined || !isPlainPath(script) || !/\.[A-Za-z0-9]+$|\//.test(script))
        return null;
    return joinPath(workdir, script);
}
/** The words of CMD/ENTRYPOINT as the container runs them (shell form: the words of the shell text). */
function artifact_not_copied_commandWords(ins) {
    if (ins.form === 'json')
        return ins.json ?? [];
    return ins.args.map((a) => a.replace(/^(["'])(.*)\1$/, '$2'));
}
/** The stage before `before` (and outside the user's chain) that most clearly makes `path`: a build output first. */
function madeElsewhere(files, path, user, builtOnly) {
    const chain = new Set(files.chain(user).map((s) => s.index));
    // A build output beats a copy, an exact file beats a folder, a deeper folder beats a shallower one.
    const rank = (o) => (o.built ? 2000 : 0) + (o.kind === 'file' ? 1000 : 0) + o.path.length;
    let best = null;
    for (const m of files.makers(path)) {
        if (m.stage.index >= user || chain.has(m.stage.index) || (builtOnly && !m.output.built))
            continue;
        if (best === null || rank(m.output) >= rank(best.output))
            best = m;
    }
    return best;
}
function fromRef(stage) {
    return stage.name ?? String(stage.index);
}
function made(e, path) {
    const what = e.output.kind === 'file' && e.output.path === path ? 'makes it' : `makes ${e.output.path}`;
    return `stage ${stageLabel(e.stage)} ${what} (line ${e.output.line}, ${e.output.via})`;
}
/** What to copy: the file, or its folder when the other stage makes a whole folder (`/app/dist` for `/app/dist/index.js`). */
function copied(e, path) {
    const folder = parentOf(path);
    return e.output.kind === 'tree' && folder.length > e.output.path.length && folder.startsWith(e.output.path) ? folder : path;
}
function checkCommand(model, files, target) {
    const entrypoint = effectiveInstruction(model, target, 'ENTRYPOINT');
    const cmd = effectiveInstruction(model, target, 'CMD');
    // With an ENTRYPOINT, CMD is its arguments, not a program.
    const ins = entrypoint !== null && artifact_not_copied_commandWords(entrypoint).length > 0 ? entrypoint : cmd;
    if (ins === null)
        return [];
    const workdir = files.startFolder(target);
    const path = workdir === null ? null : executedPath(artifact_not_copied_commandWords(ins), workdir);
    if (path === null)
        return [];
    // Cheapest test first: most images have a base that may hold the file.
    if (!baseLacks(files.chain(target)[0], path) || files.mayProvide(target, path))
        return [];
    const evidence = madeElsewhere(files, path, target, false);
    if (evidence === null)
        return [];
    const what = copied(evidence, path);
    return [
        {
            line: ins.line,
            endLine: ins.endLine,
            message: `${ins.keyword} runs ${path}, which this image never gets: ${made(evidence, path)} and no COPY --from brings it over, so the container fails to start; add COPY --from=${fromRef(evidence.stage)} ${what} ${what}`,
            stage: ins.stage
        }
    ];
}
/** The file a RUN runs first, resolved; null for a PATH lookup, or after a `cd` we do not follow. */
function runPath(ins, cwd) {
    const commands = ins.run?.commands ?? [];
    const first = commands[0];
    if (first === undefined || commands.some((c) => c.program === 'cd'))
        return null;
    return executedPath([first.name, ...first.args], cwd);
}
function checkRun(files, stage, ins, path) {
    if (!baseLacks(files.chain(stage.index)[0], path) || files.mayProvide(stage.index, path, ins))
        return null;
    const evidence = madeElsewhere(files, path, stage.index, false);
    if (evidence === null)
        return null;
    const what = copied(evidence, path);
    return { line: ins.line, endLine: ins.endLine, message: `RUN runs ${path}, which this stage does not have: ${made(evidence, path)}; stages share no files, so copy it first: COPY --from=${fromRef(evidence.stage)} ${what} ${what}`, stage: stage.index };
}
function checkContextCopy(files, stage, ins) {
    const copy = ins.copy;
    if (copy === undefined || copy.from !== null)
        return [];
    return copy.sources.flatMap((source) => {
        if (!source.startsWith('/') || !isPlainPath(source))
            return [];
        const evidence = madeElsewhere(files, joinPath('/', source), stage.index, true);
        if (evidence === null)
            return [];
        return [
            {
                line: ins.line,
                endLine: ins.endLine,
                message: `${ins.keyword} ${source} reads ${source.slice(1)} from the build context, not from stage ${stageLabel(evidence.stage)}, which builds it (line ${evidence.output.line}, ${evidence.output.via}): write COPY --from=${fromRef(evidence.stage)} ${source} ${copy.destination ?? ''}`.trimEnd(),
                stage: stage.index
            }
        ];
    });
}
const artifactNotCopied = {
    meta: {
        id: 'artifact-not-copied',
        title: 'A file built in another stage is used but never copied',
        severity: 'error',
        category: 'correctness',
        scope: 'all',
        equivalents: { hadolint: null, buildkit: null }
    },
    check: ({ model, graph }) => {
        if (model.stages.length < 2)
            return [];
        const files = stageFiles(model);
        const reports = [];
        let checks = 0;
        for (const stage of model.stages) {
            for (const ins of stage.instructions) {
                if (checks >= MAX_CHECKS)
                    break;
                // Most RUNs run a program from PATH: decide that before working out the folder.
                const runsFile = ins.keyword === 'RUN' && runPath(ins, '/') !== null;
                const cwd = runsFile ? (files.workdirs(stage.index).get(ins) ?? null) : null;
                const path = cwd === null ? null : runPath(ins, cwd);
                if (path !== null) {
                    checks++;
                    const r = checkRun(files, stage, ins, path);
                    if (r !== null)
                        reports.push(r);
                }
                else if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && ins.copy?.from === null && ins.copy.sources.some((src) => src.startsWith('/'))) {
                    checks++;
                    reports.push(...checkContextCopy(files, stage, ins));
                }
            }
        }
        if (graph.target !== null)
            reports.push(...checkCommand(model, files, graph.target));
        return reports;
    }
};

;// CONCATENATED MODULE: ./src/rules/base-image-latest.ts
/**
 * Reproducible bases: `latest` (also through an ARG default) is not a version. A finding that
 * comes from an ARG default points at that ARG. Left alone: distroless `-debianNN` names
 * (distroless has no version tags) and alpine stages that install from edge on purpose.
 */



/**
 * An alpine stage that adds packages from the edge repositories (`apk add --repository …/edge/…`,
 * or edge written into /etc/apk/repositories): it tracks edge on purpose, and a pinned old base
 * under edge packages breaks sooner than latest does.
 */
function installsFromAlpineEdge(stage) {
    const ref = parseImageReference(stage.base.resolved);
    if (ref === null || canonicalRepository(ref) !== 'docker.io/library/alpine')
        return false;
    return stage.instructions.some((ins) => runCommands(ins).some((c) => c.args.some((a) => a.includes('/alpine/edge') || (c.program === 'apk' && /\/edge(?:\/|$)/.test(a)))));
}
const baseImageLatest = {
    meta: {
        id: 'base-image-latest',
        title: 'A base image uses the latest tag',
        severity: 'warning',
        category: 'correctness',
        scope: 'all',
        equivalents: { hadolint: 'DL3007', buildkit: null }
    },
    check: ({ model }) => model.stages
        .filter((s) => s.base.kind === 'image' && s.base.tag === 'latest' && s.base.digest === null)
        .filter((s) => distroless(s.base.image ?? '')?.pinsRelease !== true && !installsFromAlpineEdge(s))
        .map((s) => {
        const arg = argBehindFrom(model, s, (value) => value === 'latest' || parseImageReference(value)?.tag === 'latest');
        const { subject, ...at } = fromOrArg(s, arg);
        return { ...at, message: `${subject}: latest changes under you; ${pinAdvice(s.base.image ?? s.base.resolved)}`, stage: s.index };
    })
};

;// CONCATENATED MODULE: ./src/rules/base-image-untagged.ts
/**
 * Reproducible bases: a tag or a digest. ARG defaults are resolved first, and a finding that
 * comes from an ARG default points at that ARG. Distroless `-debianNN` names are pinned enough:
 * distroless publishes no version tags.
 */



const baseImageUntagged = {
    meta: {
        id: 'base-image-untagged',
        title: 'A base image has no tag',
        severity: 'warning',
        category: 'correctness',
        scope: 'all',
        equivalents: { hadolint: 'DL3006', buildkit: null }
    },
    check: ({ model }) => model.stages
        .filter((s) => s.base.kind === 'image' && s.base.image !== null && s.base.tag === null && s.base.digest === null && s.base.unresolved.length === 0)
        .filter((s) => distroless(s.base.image)?.pinsRelease !== true && !installsFromAlpineEdge(s))
        .map((s) => {
        // The ARG holds the whole reference (`ARG BASE=node`, `FROM $BASE`); otherwise the FROM line lacks the tag.
        const arg = argBehindFrom(model, s, (value) => {
            const ref = parseImageReference(value);
            return ref !== null && ref.tag === null && ref.digest === null && value === s.base.resolved;
        });
        const { subject, ...at } = fromOrArg(s, arg);
        return { ...at, message: `${subject} has no tag, so it means :latest and changes under you; ${pinAdvice(s.base.image)}`, stage: s.index };
    })
};

;// CONCATENATED MODULE: ./src/rules/broad-copy-from.ts
/** COPY --from of a whole built stage, or of the folder its build context went into, ships far more than the artifact. */



const NODE_MANAGERS = new Set(['npm', 'yarn', 'pnpm']);
const PRODUCTION_FLAGS = new Set(['--omit=dev', '--production', '--only=production', '--only=prod', '--prod', '-P', '--no-dev']);
/** Commands that only tidy up: they build nothing. */
const HOUSEKEEPING = new Set(['rm', 'mkdir', 'chmod', 'chown', 'chgrp', 'ln', 'touch', 'echo', 'true', 'set', 'cd', 'addgroup', 'adduser', 'groupadd', 'useradd']);
/** A command that installs runtime dependencies only (or tidies up): after it the folder holds no build output. */
function installsRuntimeOnly(c, run) {
    if (HOUSEKEEPING.has(c.program))
        return true;
    if (isCommand(c, 'apt-get') || isCommand(c, 'apt') || isCommand(c, 'apk') || isCommand(c, 'dnf') || isCommand(c, 'yum') || isCommand(c, 'microdnf'))
        return true;
    if (isCommand(c, 'npm', 'cache') || isCommand(c, 'yarn', 'cache') || isCommand(c, 'pip', 'cache') || isCommand(c, 'npm', 'prune'))
        return true;
    const install = runInstalls(run).find((p) => p.command === c);
    if (install !== undefined) {
        if (!NODE_MANAGERS.has(install.manager))
            return true;
        return run.scope.get('NODE_ENV')?.value === 'production' || c.args.some((a) => PRODUCTION_FLAGS.has(a));
    }
    if (isCommand(c, 'bundle', 'install'))
        return true;
    return isCommand(c, 'composer', 'install') && c.args.includes('--no-dev');
}
/** The instructions of a stage's FROM chain, root first. */
function chainInstructions(model, stage) {
    return stageChain(model, stage.index).flatMap((s) => s.instructions);
}
/** A stage that is only a name for an external image (`FROM tonistiigi/xx AS xx`): it builds nothing. */
function isImageAlias(model, stage) {
    const chain = stageChain(model, stage.index);
    return chain[0]?.base.kind === 'image' && chain.every((s) => s.instructions.length === 1);
}
/** A scratch stage that only gathers files (COPY, no RUN): copying all of it is copying the artifacts. */
function isArtifactStage(model, stage) {
    const chain = stageChain(model, stage.index);
    return chain[0]?.base.kind === 'scratch' && chain.every((s) => s.instructions.every((i) => i.keyword !== 'RUN'));
}
const broadCopyFrom = {
    meta: {
        id: 'broad-copy-from',
        title: 'COPY --from copies a whole stage or its source folder',
        severity: 'warning',
        category: 'size',
        scope: 'ships',
        equivalents: { hadolint: null, buildkit: null }
    },
    check: ({ model, graph }) => graph.edges
        .filter((e) => e.via === 'copy')
        .flatMap((e) => {
        const source = model.stages[e.to];
        const copy = model.stages[e.from]?.instructions.find((i) => i.line === e.line && i.copy !== undefined && i.copy.from !== null)?.copy;
        if (source === undefined || copy === undefined || isImageAlias(model, source))
            return [];
        const name = source.name ?? String(source.index);
        const dirs = workdirs(model, e.to);
        const workdir = finalWorkdir(model, e.to);
        const instructions = chainInstructions(model, source);
        for (const word of copy.sourceWords) {
            // A path chosen by a build argument is unknown here, not the whole filesystem.
            const path = knownValue(word);
            if (path === null || path === '')
                continue;
            const resolved = resolvePath(workdir, path);
            if (resolved === '/') {
                if (isArtifactStage(model, source))
                    continue;
                const root = stageChain(model, source.index)[0];
                const base = root?.base.kind === 'image' ? `its base image ${root.base.resolved}` : 'its base';
                return [{ line: e.line, message: `copies the whole filesystem of stage ${name}: ${base} and everything its RUN steps installed ship too; copy only the files the image needs`, stage: e.from }];
            }
            // The build context was copied into exactly this folder (in the stage or one it is built FROM).
            const contextCopy = instructions.find((ins) => ins.copy !== undefined && ins.copy.from === null && ins.copy.sources.some((s) => s === '.' || s === './') && resolvePath(dirs.get(ins) ?? '/', ins.copy.destination ?? '.') === resolved);
            if (contextCopy === undefined)
                continue;
            const after = instructions.slice(instructions.indexOf(contextCopy) + 1).filter((i) => i.keyword === 'RUN');
            // Interpreted apps: when the stage only installed runtime dependencies there, that folder IS the runtime.
            if (after.every((run) => runCommands(run).every((c) => installsRuntimeOnly(c, run))))
                continue;
            const node = instructions.some((i) => runInstalls(i).some((p) => NODE_MANAGERS.has(p.manager)));
            return [
                {
                    line: e.line,
                    message: `copies ${resolved} of stage ${name}, the folder line ${contextCopy.line} copied the whole build context into: the sources${node ? ' and node_modules' : ''} ship next to what the stage built; copy only the build output`,
                    stage: e.from
                }
            ];
        }
        return [];
    })
};

;// CONCATENATED MODULE: ./src/rules/build-platform-shipped.ts
/**
 * `FROM --platform=$BUILDPLATFORM` pins a stage to the machine that builds: right for a compiler
 * stage that cross-compiles, wrong for a stage the image is made of. Built for linux/arm64 on an
 * amd64 runner, that image ships amd64 binaries under an arm64 tag (exec format error).
 */



/** A --platform value made of BUILDPLATFORM/BUILDOS/BUILDARCH/BUILDVARIANT only. */
function onBuildPlatform(platform) {
    if (platform === null || !platform.includes('$'))
        return false;
    const names = referencedNames(platform);
    return names.length > 0 && names.every((n) => /^BUILD(?:PLATFORM|OS|ARCH|VARIANT)$/.test(n));
}
/** Instructions that say the image is run (not only exported as files with --output). */
const RUN_AS_IMAGE = new Set(['CMD', 'ENTRYPOINT', 'EXPOSE', 'HEALTHCHECK']);
const buildPlatformShipped = {
    meta: {
        id: 'build-platform-shipped',
        title: 'The shipped image is built on the build platform instead of the target platform',
        severity: 'warning',
        category: 'correctness',
        scope: 'ships',
        equivalents: { hadolint: null, buildkit: null },
        about: 'file'
    },
    check: ({ model, graph }) => {
        if (graph.target === null)
            return [];
        const chain = stageChain(model, graph.target);
        if (!chain.some((s) => s.instructions.some((i) => RUN_AS_IMAGE.has(i.keyword))))
            return [];
        // The platform is inherited through FROM <stage>: the stage that sets it is the one to fix.
        const pinned = chain.find((s) => s.base.kind !== 'stage' && onBuildPlatform(s.base.platform));
        if (pinned === undefined || pinned.base.kind === 'scratch')
            return [];
        const target = model.stages[graph.target];
        const shipped = target.name === null ? `the shipped stage (line ${target.line})` : `the shipped stage ${target.name}`;
        const via = pinned.index === target.index ? 'The shipped stage' : `Stage ${stageLabel(pinned)}, which ${shipped} is built FROM,`;
        const image = `${pinned.base.image ?? pinned.base.resolved}${pinned.base.tag === null ? '' : `:${pinned.base.tag}`}`;
        return [
            {
                line: pinned.line,
                message: `${via} uses --platform=${pinned.base.platform ?? ''}, so an image built for another platform (--platform linux/arm64 on an amd64 runner) gets the build machine's ${image} and fails with "exec format error": drop --platform here; keep $BUILDPLATFORM for stages that only cross-compile and are copied from`,
                stage: pinned.index
            }
        ];
    }
};

;// CONCATENATED MODULE: ./src/rules/build-tools-shipped.ts
/** Compilers and headers installed where they ship, unless the same RUN removes them again. */


const TOOLS = new Set(['build-essential', 'build-base', 'gcc', 'g++', 'clang', 'make', 'cmake', 'autoconf', 'automake', 'libtool', 'pkg-config', 'pkgconf', 'git', 'golang', 'rustc', 'cargo', 'linux-headers', 'musl-dev', 'gcc-c++', 'development tools']);
function isBuildTool(pkg) {
    // The name before a version pin (`gcc=12.2`, `make>=4`); search, not /[=<>].*$/, which is quadratic on `<<<…`.
    const pin = pkg.search(/[=<>]/);
    const name = (pin < 0 ? pkg : pkg.slice(0, pin)).toLowerCase();
    return TOOLS.has(name) || /-dev$/.test(name) || /-devel$/.test(name) || /^gcc-\d+$/.test(name) || /^g\+\+-\d+$/.test(name);
}
const buildToolsShipped = {
    meta: {
        id: 'build-tools-shipped',
        title: 'Build tools are installed in a shipped stage',
        severity: 'warning',
        category: 'size',
        scope: 'ships',
        equivalents: { hadolint: null, buildkit: null }
    },
    check: ({ model, graph }) => {
        // An image built on a toolchain image is a toolchain image by design (heavy-final-base speaks to that).
        if (graph.target !== null && builtOnToolchain(model, graph.target))
            return [];
        return model.stages.flatMap((stage) => runs(stage).flatMap((run) => {
            const commands = runCommands(run);
            if (dropsBuildDependencies(commands))
                return [];
            const removed = new Set();
            for (const c of commands) {
                if (isCommand(c, 'apt-get', 'purge', 'remove', 'autoremove') || isCommand(c, 'apt', 'purge', 'remove') || isCommand(c, 'apk', 'del') || isCommand(c, 'dnf', 'remove') || isCommand(c, 'yum', 'remove')) {
                    for (const p of operands(c).slice(1))
                        removed.add(p);
                }
            }
            const tools = systemInstalls(run).flatMap((install) => {
                const virtual = install.manager === 'apk' ? apkVirtual(install.command) : null;
                if (virtual !== null && removed.has(virtual))
                    return [];
                return install.packages.filter((p) => isBuildTool(p) && !removed.has(p));
            });
            if (tools.length === 0)
                return [];
            const where = model.stages.length === 1 ? 'split the file: build in a first stage and copy only the result into a runtime stage' : 'install them in a build stage and copy only the result';
            return [{ line: run.line, endLine: run.endLine, message: `${[...new Set(tools)].join(', ')} ship${tools.length === 1 ? 's' : ''} in the final image: ${where} (or remove them in the same RUN)`, stage: stage.index }];
        }));
    }
};

;// CONCATENATED MODULE: ./src/rules/chown-after-copy.ts
/** `RUN chown` over exactly what a COPY just added stores those files again in a new layer; COPY --chown does not. */



/** Folders that hold package files too: a chown of one covers more than what COPY put there. */
const SHARED_FOLDERS = /^\/(?:etc|usr\/share|usr\/lib|usr\/local\/etc|usr\/local\/lib|var\/lib|lib|lib64|bin|sbin)(?:\/|$)/;
/** Commands that put no file content into a folder (mkdir only makes empty ones). */
const NO_OUTPUT = new Set(['chown', 'chmod', 'chgrp', 'mkdir', 'useradd', 'adduser', 'groupadd', 'addgroup', 'usermod', 'echo', 'true', 'set', 'test', '[']);
/** Commands that may write files: all but those that only change owners, modes or accounts. */
function writers(commands) {
    return commands.filter((c) => !NO_OUTPUT.has(c.program));
}
/** Whether these commands may have written under `path`: some run there, or name the path. */
function writeUnder(commands, cwd, path) {
    const active = writers(commands);
    if (active.length === 0)
        return false;
    if (cwd === path || cwd.startsWith(`${path}/`))
        return true;
    return active.some((c) => c.args.some((a) => a === path || a.startsWith(`${path}/`)));
}
/** Whether a place some RUN wrote to is the folder or inside it. */
function touches(places, folder) {
    for (const place of places)
        if (place === folder || place.startsWith(folder === '/' ? '/' : `${folder}/`))
            return true;
    return false;
}
const isRecursive = (a) => a === '-R' || a === '--recursive' || (/^-[a-zA-Z]+$/.test(a) && a.includes('R'));
/** What COPY put where: its destination and, when that is a folder, each named source inside it. */
function copiedPaths(ins, cwd) {
    const copy = ins.copy;
    const dest = knownValue(copy?.destinationWord);
    if (copy === undefined || dest === null || dest.includes('$'))
        return [];
    const path = resolvePath(cwd, dest);
    const out = [{ path, folder: !namesOneFile(copy.sources, dest), ins }];
    if (dest.endsWith('/') || dest === '.' || copy.sources.length > 1) {
        for (const source of copy.sources) {
            const name = resolvePath('/', source).split('/').pop() ?? '';
            // `COPY dir/ /dst/` copies the folder's contents, not the folder: only a named source lands as dst/name.
            if (name !== '' && !source.endsWith('/') && !/[*?[]/.test(name) && source !== '.')
                out.push({ path: resolvePath(path, name), folder: !namesOneFile([source], name), ins });
        }
    }
    return out;
}
/**
 * Whether a COPY surely made one file: a single source that looks like a file (`nginx.conf`,
 * `run.sh`) to a destination without a trailing `/`. Anything else may be a folder, which can hold
 * files COPY did not put there.
 */
function namesOneFile(sources, dest) {
    const source = sources[0];
    if (sources.length !== 1 || source === undefined || dest.endsWith('/') || source.endsWith('/') || /[*?[]/.test(source))
        return false;
    const name = resolvePath('/', source).split('/').pop() ?? '';
    return name.lastIndexOf('.') > 0;
}
/** `useradd -u 666 name`, `adduser -u 666 -S name`, `addgroup -g 666 name`: the name and id a command creates. */
function createdAccount(c) {
    if (!['useradd', 'adduser', 'groupadd', 'addgroup'].includes(c.program))
        return null;
    const words = operands(c).filter((w) => !/^[0-9]+$/.test(w));
    const name = words[words.length - 1];
    if (name === undefined)
        return null;
    const idFlag = c.program === 'useradd' || c.program === 'adduser' ? ['-u', '--uid'] : ['-g', '--gid'];
    const at = c.args.findIndex((a) => idFlag.includes(a));
    const id = at >= 0 ? (c.args[at + 1] ?? null) : (c.args.find((a) => idFlag.some((f) => a.startsWith(`${f}=`)))?.split('=')[1] ?? null);
    return { name, id: id !== null && /^[0-9]+$/.test(id) ? id : null };
}
/** The COPY --chown to suggest: the same owner, or numeric ids when the user only exists after the COPY. */
function suggestion(owner, copyLine, accounts) {
    const [user = '', group = user] = owner.split(':');
    const later = (name) => {
        const account = accounts.get(name);
        return account !== undefined && account.line > copyLine ? account : undefined;
    };
    if (later(user) === undefined && later(group) === undefined)
        return `use COPY --chown=${owner} on line ${copyLine} instead`;
    const uid = /^[0-9]+$/.test(user) ? user : (later(user)?.id ?? null);
    const gid = /^[0-9]+$/.test(group) ? group : (later(group)?.id ?? null);
    if (uid !== null && gid !== null)
        return `${user} is created after line ${copyLine}, so write COPY --chown=${uid}:${gid} there (or create the user first)`;
    return `${user} is created after line ${copyLine}: create it in a RUN before that COPY, then use COPY --chown=${owner}`;
}
const chownAfterCopy = {
    meta: {
        id: 'chown-after-copy',
        title: 'RUN chown over the files a COPY just added',
        severity: 'warning',
        category: 'size',
        scope: 'ships',
        equivalents: { hadolint: null, buildkit: null }
    },
    check: ({ model }) => model.stages.flatMap((stage) => {
        // Most stages never run chown: skip the working-directory walk for them.
        if (!runs(stage).some((r) => runCommands(r).some((c) => c.program === 'chown')))
            return [];
        const dirs = workdirs(model, stage.index);
        // The latest COPY to each path (without --chown: those files already have their owner).
        const copied = new Map();
        // Where RUNs may have written: a chown of a folder holding such a place covers that output too.
        const touched = new Set();
        const accounts = new Map();
        const reports = [];
        for (const ins of stage.instructions) {
            const cwd = dirs.get(ins) ?? '/';
            if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && ins.copy !== undefined) {
                for (const p of copiedPaths(ins, cwd)) {
                    if (ins.copy.chown === null)
                        copied.set(p.path, p);
                    else
                        copied.delete(p.path);
                }
            }
            if (ins.keyword !== 'RUN')
                continue;
            let hit = null;
            const commands = runCommands(ins);
            for (const [index, c] of commands.entries()) {
                const account = createdAccount(c);
                if (account !== null)
                    accounts.set(account.name, { id: account.id, line: ins.line });
                if (!isCommand(c, 'chown'))
                    continue;
                const recursive = c.args.some(isRecursive);
                const [ownerWord, ...targetWords] = operands(c);
                if (ownerWord === undefined)
                    continue;
                const owner = expandWord(ownerWord, ins.scope).value || ownerWord;
                for (const t of targetWords) {
                    const expanded = t.includes('$') ? expandWord(t, ins.scope) : null;
                    if (expanded !== null && expanded.unresolved.length > 0)
                        continue;
                    const p = copied.get(resolvePath(cwd, expanded?.value ?? t));
                    // Exactly what COPY put there: a copied file, or a copied folder nothing else can have filled.
                    if (p !== undefined && (!p.folder || (recursive && !SHARED_FOLDERS.test(p.path) && !touches(touched, p.path) && !writeUnder(commands.slice(0, index), cwd, p.path)))) {
                        hit = { copy: p, owner };
                        break;
                    }
                }
                if (hit !== null)
                    break;
            }
            if (hit !== null) {
                reports.push({
                    line: ins.line,
                    endLine: ins.endLine,
                    message: `chown rewrites ${hit.copy.path}, which line ${hit.copy.ins.line} copied, into a new layer, so the image stores those files twice: ${suggestion(hit.owner, hit.copy.ins.line, accounts)}`,
                    stage: stage.index
                });
            }
            // Record where this RUN may have written: where it runs and the absolute paths it names.
            for (const c of writers(commands)) {
                touched.add(cwd);
                for (const a of c.args)
                    if (a.startsWith('/'))
                        touched.add(a);
            }
        }
        return reports;
    })
};

;// CONCATENATED MODULE: ./src/rules/cleanup-in-separate-layer.ts
/** Deleting in a later RUN hides files but the earlier layer still carries them. */

/** Paths people delete to save space (not a config file removed on purpose). */
const SPACE = /cache|\/lists|^\/tmp|^\/var\/tmp|\.(?:tar|tgz|zip|deb|rpm|whl|gz|xz)(?:$|\*)|node_modules|\/usr\/share\/(?:doc|man)/;
function isCleanup(c) {
    return ((c.name === 'rm' && c.args.some((a) => SPACE.test(a))) ||
        isCommand(c, 'apt-get', 'clean', 'autoremove', 'purge', 'remove', 'autoclean') ||
        isCommand(c, 'apk', 'del') ||
        isCommand(c, 'yum', 'clean', 'remove') ||
        isCommand(c, 'dnf', 'clean', 'remove') ||
        isCommand(c, 'npm', 'cache') ||
        isCommand(c, 'pip', 'cache'));
}
const cleanupInSeparateLayer = {
    meta: {
        id: 'cleanup-in-separate-layer',
        title: 'A RUN only deletes files an earlier layer added',
        severity: 'warning',
        category: 'size',
        scope: 'ships',
        equivalents: { hadolint: null, buildkit: null }
    },
    check: ({ model }) => model.stages.flatMap((stage) => {
        return runs(stage).flatMap((run) => {
            const commands = runCommands(run);
            if (commands.length === 0 || !commands.every(isCleanup))
                return [];
            return [{ line: run.line, endLine: run.endLine, message: 'deleting in its own RUN does not make the image smaller: the files stay in the earlier layer; clean up in the RUN that created them', stage: stage.index }];
        });
    })
};

;// CONCATENATED MODULE: ./src/rules/consecutive-run.ts
/** Separate RUNs of the same package manager in a shipped stage: each leaves its own layer and caches. */

function manager(commands) {
    for (const c of commands) {
        if (isCommand(c, 'apt-get', 'install', 'update') || isCommand(c, 'apt', 'install', 'update'))
            return 'apt';
        if (isCommand(c, 'apk', 'add'))
            return 'apk';
        if (isCommand(c, 'dnf', 'install') || isCommand(c, 'yum', 'install') || isCommand(c, 'microdnf', 'install'))
            return 'dnf';
    }
    return null;
}
const consecutiveRun = {
    meta: {
        id: 'consecutive-run',
        title: 'Consecutive RUNs install packages in separate layers',
        severity: 'info',
        category: 'size',
        scope: 'ships',
        equivalents: { hadolint: 'DL3059', buildkit: null }
    },
    check: ({ model }) => model.stages.flatMap((stage) => {
        const reports = [];
        let previous = null;
        for (const ins of stage.instructions.slice(1)) {
            if (ins.keyword !== 'RUN') {
                previous = null;
                continue;
            }
            const current = manager(runCommands(ins));
            if (current !== null && previous !== null && previous.manager === current) {
                reports.push({ line: ins.line, endLine: ins.endLine, message: `another ${current} install right after the one on line ${previous.line}: each RUN is a layer with its own package index; install everything in one RUN`, stage: stage.index });
            }
            previous = current === null ? null : { manager: current, line: ins.line };
        }
        return reports;
    })
};

;// CONCATENATED MODULE: ./src/rules/consistent-instruction-casing.ts

const consistentInstructionCasing = {
    meta: {
        id: 'consistent-instruction-casing',
        title: 'Instruction keywords mix upper and lower case',
        severity: 'warning',
        category: 'style',
        scope: 'all',
        equivalents: { hadolint: null, buildkit: 'ConsistentInstructionCasing' }
    },
    check: ({ model }) => {
        const all = model.instructions;
        const upper = all.filter((i) => isUpper(i.keywordRaw)).length;
        const lower = all.filter((i) => isLower(i.keywordRaw)).length;
        const expected = upper >= lower ? 'upper' : 'lower';
        return all
            .filter((i) => (expected === 'upper' ? !isUpper(i.keywordRaw) : !isLower(i.keywordRaw)))
            .map((i) => ({ line: i.line, message: `"${i.keywordRaw}" should be ${expected} case like the rest of the file`, stage: i.stage < 0 ? null : i.stage }));
    }
};

;// CONCATENATED MODULE: ./src/rules/copy-all-before-install.ts
/** `COPY . .` before the dependency install: every source change re-runs the install. */

const MANIFESTS = /(?:^|\/)(?:package(?:-lock)?\.json|yarn\.lock|pnpm-lock\.yaml|requirements[^/]*\.txt|pyproject\.toml|poetry\.lock|Pipfile(?:\.lock)?|go\.(?:mod|sum)|Gemfile(?:\.lock)?|pom\.xml|build\.gradle(?:\.kts)?|settings\.gradle(?:\.kts)?|Cargo\.(?:toml|lock)|composer\.(?:json|lock)|\*\.csproj|[^/]*\.csproj|[^/]*\.sln)$/;
function installs(c) {
    if (isCommand(c, 'npm', 'ci', 'install', 'i'))
        return operands(c).length === 1 ? `npm ${operands(c)[0] ?? ''}` : null;
    if (c.name === 'yarn' && (operands(c).length === 0 || operands(c)[0] === 'install'))
        return 'yarn install';
    if (isCommand(c, 'pnpm', 'install', 'i'))
        return 'pnpm install';
    if (/^pip[0-9.]*$/.test(c.name) && operands(c)[0] === 'install' && c.args.some((a) => a === '-r' || a.startsWith('--requirement')))
        return 'pip install -r';
    if (isCommand(c, 'poetry', 'install') || isCommand(c, 'pipenv', 'install'))
        return `${c.name} install`;
    if (isCommand(c, 'go', 'mod') && operands(c)[1] === 'download')
        return 'go mod download';
    if (isCommand(c, 'bundle', 'install') || (c.name === 'bundle' && operands(c).length === 0))
        return 'bundle install';
    if (isCommand(c, 'composer', 'install'))
        return 'composer install';
    if (isCommand(c, 'dotnet', 'restore'))
        return 'dotnet restore';
    if (isCommand(c, 'cargo', 'fetch'))
        return 'cargo fetch';
    if ((c.name === 'mvn' || c.name.endsWith('/mvnw')) && c.args.some((a) => a.includes('go-offline') || a === 'dependency:resolve'))
        return 'mvn dependency:go-offline';
    return null;
}
const copyAllBeforeInstall = {
    meta: {
        id: 'copy-all-before-install',
        title: 'The whole context is copied before the dependency install',
        severity: 'warning',
        category: 'cache',
        scope: 'all',
        equivalents: { hadolint: null, buildkit: null }
    },
    check: ({ model }) => model.stages.flatMap((stage) => {
        let manifestsFirst = false;
        let copyAll = null;
        for (const ins of stage.instructions) {
            if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && ins.copy !== undefined && ins.copy.from === null) {
                if (ins.copy.sources.some((s) => s === '.' || s === './'))
                    copyAll ??= ins.line;
                else if (copyAll === null && ins.copy.sources.some((s) => MANIFESTS.test(s)))
                    manifestsFirst = true;
            }
            if (ins.keyword !== 'RUN' || copyAll === null || manifestsFirst)
                continue;
            const install = runCommands(ins).map(installs).find((i) => i !== null);
            if (install !== undefined && install !== null) {
                return [{ line: copyAll, message: `the whole build context is copied before ${install} (line ${ins.line}), so any source change re-runs it: copy the dependency manifests first, install, then copy the rest`, stage: stage.index }];
            }
        }
        return [];
    })
};

;// CONCATENATED MODULE: ./src/rules/copy-destination-slash.ts

/** A value flag written without `=` (`--chmod 644 a b /x`) takes the next word as a source: that is the real mistake. */
const VALUE_FLAGS = new Set(['from', 'chmod', 'chown', 'exclude', 'checksum']);
/** The destination several sources go to when it is a known path without a trailing `/`; null otherwise. */
function severalIntoFile(ins) {
    const copy = ins.copy;
    if (copy === undefined || copy.sources.length < 2)
        return null;
    if (ins.flags.some((f) => f.value === null && VALUE_FLAGS.has(f.name)))
        return null;
    // A destination from a variable with no value here is unknown: it may well end with /.
    const dest = knownValue(copy.destinationWord);
    if (dest === null || dest === '' || dest.endsWith('/') || dest.includes('$'))
        return null;
    return dest;
}
const copyDestinationSlash = {
    meta: {
        id: 'copy-destination-slash',
        title: 'COPY or ADD of several sources to a destination without a trailing /',
        severity: 'warning',
        category: 'correctness',
        scope: 'all',
        equivalents: { hadolint: 'DL3021', buildkit: null }
    },
    check: ({ model }) => model.stages.flatMap((s) => s.instructions.flatMap((i) => {
        if (i.keyword !== 'COPY' && i.keyword !== 'ADD')
            return [];
        const dest = severalIntoFile(i);
        if (dest === null)
            return [];
        // `.` is the working directory, always a folder: only the classic builder minds.
        const buildkit = dest === '.' || dest === '..' ? 'BuildKit accepts it' : `BuildKit accepts it, but unless ${dest} already is a folder each source overwrites the previous one and only the last is left (moby/buildkit#1853)`;
        const count = i.copy?.sources.length ?? 0;
        return [{ line: i.line, endLine: i.endLine, message: `${i.keyword} of ${count} sources to ${dest}: the classic builder fails ("the destination must be a directory and end with a /"), ${buildkit}; write ${dest}/`, stage: s.index }];
    }))
};

;// CONCATENATED MODULE: ./src/rules/copy-destination-wildcard.ts
const copyDestinationWildcard = {
    meta: {
        id: 'copy-destination-wildcard',
        title: 'A COPY or ADD destination contains a wildcard',
        severity: 'warning',
        category: 'correctness',
        scope: 'all',
        equivalents: { hadolint: null, buildkit: null }
    },
    check: ({ model }) => model.stages.flatMap((stage) => stage.instructions.flatMap((ins) => {
        const destination = ins.copy?.destination ?? null;
        if (destination === null || !destination.includes('*'))
            return [];
        const cut = destination.indexOf('*');
        const folder = destination.slice(0, destination.lastIndexOf('/', cut) + 1) || './';
        return [
            {
                line: ins.line,
                endLine: ins.endLine,
                message: `${ins.keyword} does not expand * in the destination ${destination}: it creates a file or folder literally named "${destination.slice(destination.lastIndexOf('/', cut) + 1)}"; copy into the folder instead: ${ins.keyword} … ${folder}`,
                stage: stage.index
            }
        ];
    }))
};

;// CONCATENATED MODULE: ./src/rules/copy-from-index.ts
const copyFromIndex = {
    meta: {
        id: 'copy-from-index',
        title: 'A stage is referenced by its index instead of a name',
        severity: 'warning',
        category: 'structure',
        scope: 'all',
        equivalents: { hadolint: null, buildkit: null }
    },
    check: ({ model, graph }) => graph.edges
        .filter((e) => e.via !== 'from')
        .flatMap((e) => {
        const stage = model.stages[e.from];
        const ins = stage?.instructions.find((i) => i.line === e.line);
        const raw = e.via === 'copy' ? ins?.copy?.from : ins?.run?.mounts.find((m) => m.line === e.line)?.from;
        if (raw === undefined || raw === null || !/^[0-9]+$/.test(raw))
            return [];
        const source = model.stages[e.to];
        const hint = source !== undefined && source.name !== null ? `use --from=${source.name}` : `name stage ${e.to} (FROM … AS name, line ${source?.line ?? '?'}) and use that name`;
        return [{ line: e.line, message: `--from=${raw} breaks silently when a stage is added or moved; ${hint}`, stage: e.from }];
    })
};

;// CONCATENATED MODULE: ./src/rules/graph-problem.ts
function graphProblemRule(meta, word) {
    return {
        meta,
        check: ({ graph, model }) => graph.problems.filter((p) => p.kind === meta.id).map((p) => ({ line: p.line, message: word(p, model), stage: p.stage }))
    };
}
/** A stage as messages name it: `"builder"`, or its index when it has no name. */
function graph_problem_stageName(model, index) {
    const stage = model.stages[index];
    return stage === undefined || stage.name === null ? `${index}` : `"${stage.name}"`;
}

;// CONCATENATED MODULE: ./src/rules/copy-from-variable.ts

const copyFromVariable = graphProblemRule({
    id: 'copy-from-variable',
    title: '--from uses a variable, which docker build does not expand',
    severity: 'error',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: 'DL3022', buildkit: null }
}, (p) => `${p.what}=${p.value}: docker build (BuildKit) does not expand variables in --from (Podman does); declare the image as a stage instead: ARG before the first FROM, then FROM $VAR AS name and --from=name`);

;// CONCATENATED MODULE: ./src/rules/copy-ignored-file.ts
/** COPY of a path the .dockerignore excludes (silent when the build context is unknown). */



/** .dockerignore lines to patterns: comments and blanks dropped, leading / and ./ removed. */
function dockerignorePatterns(text) {
    return text
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#'))
        .map((l) => l.replace(/^(?:\.\/|\/)+/, ''));
}
const copyIgnoredFile = {
    meta: {
        id: 'copy-ignored-file',
        title: 'COPY names a file that .dockerignore excludes',
        severity: 'warning',
        category: 'correctness',
        scope: 'all',
        equivalents: { hadolint: null, buildkit: 'CopyIgnoredFile' }
    },
    check: ({ model, buildContext }) => {
        if (buildContext === undefined || buildContext.dockerignore === null)
            return [];
        const patterns = dockerignorePatterns(buildContext.dockerignore);
        // As in BuildKit: exceptions (!pattern) make the answer depend on order and files; skip.
        if (patterns.length === 0 || patterns.some((p) => p.startsWith('!')))
            return [];
        const matchers = patterns.map((p) => ({ pattern: p, match: picomatch_default()(p, { dot: true }) }));
        const everything = patterns.some((p) => p === '*' || p === '**' || p === '**/*');
        return model.stages.flatMap((s) => s.instructions.filter(isContextCopy).flatMap((ins) => (ins.copy?.sources ?? []).flatMap((source) => {
            if (source.startsWith('<<') || /^[a-z]+:\/\//i.test(source))
                return [];
            const path = trimTrailingSlashes(source.replace(/^(?:\.\/|\/)+/, ''));
            const hit = path === '' || path === '.' ? (everything ? patterns[0] : undefined) : matchers.find((m) => m.match(path) || path.split('/').some((_, k, parts) => m.match(parts.slice(0, k + 1).join('/'))))?.pattern;
            if (hit === undefined)
                return [];
            return [{ line: ins.line, message: `${source} is excluded by "${hit}" in ${buildContext.dockerignorePath ?? '.dockerignore'}, so this ${ins.keyword} copies nothing or fails`, stage: s.index }];
        })));
    }
};

;// CONCATENATED MODULE: ./src/rules/copy-relative-without-workdir.ts
/** COPY/ADD to a relative destination before any WORKDIR: the files land in the base image's working directory. */

/** Top-level folders of a Linux root filesystem: a path under them was chosen, not left to the working directory. */
const ROOT_FOLDERS = new Set(['bin', 'boot', 'dev', 'etc', 'home', 'lib', 'lib32', 'lib64', 'libx32', 'media', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp', 'usr', 'var']);
const BEFORE = new Set([' ', '\t', '\n', '"', "'", '=', ':', '(', ',']);
const AFTER = new Set([' ', '\t', '\n', '"', "'", '/', ';', ')', '&', '|', ',']);
/** Whether `text` writes the absolute path `path` as a word of its own (not as the tail of `a/b/path`). */
function writesAbsolute(text, path) {
    for (let i = text.indexOf(path); i >= 0; i = text.indexOf(path, i + 1)) {
        const before = i === 0 ? ' ' : text[i - 1];
        const after = i + path.length >= text.length ? ' ' : text[i + path.length];
        if (BEFORE.has(before) && AFTER.has(after))
            return true;
    }
    return false;
}
function copy_relative_without_workdir_shown(word) {
    return word.raw === word.value ? word.raw : `${word.raw} (${word.value})`;
}
/** The first name under the working directory each relative COPY puts there (`COPY a.txt .` → a.txt, `COPY x ./src` → src). */
function landings(copies) {
    const names = new Set();
    for (const ins of copies) {
        const dest = resolvePath('/', ins.copy?.destination ?? '.');
        const first = dest.split('/')[1];
        if (first !== undefined && first !== '') {
            names.add(first);
            continue;
        }
        for (const source of ins.copy?.sources ?? []) {
            const name = resolvePath('/', source).split('/').pop();
            if (name !== undefined && name !== '' && !name.includes('*'))
                names.add(name);
        }
    }
    return names;
}
/**
 * In a build stage only what leaves it matters. The COPY/mount (line and path) that takes from this
 * stage (or one built FROM it) something whose place depends on the working directory being `/`:
 * where a relative COPY landed, or a top-level file or folder the stage never names absolutely
 * (`RUN make out` then `COPY --from=build /out ...`). Null when everything taken out has a chosen path.
 */
function cwdDependentUse(model, graph, stage, copies) {
    // The stage and the stages built FROM it (a base stage always comes before its children).
    const heirs = new Set([stage.index]);
    for (const s of model.stages)
        if (s.base.kind === 'stage' && s.base.stage !== null && heirs.has(s.base.stage))
            heirs.add(s.index);
    const landed = landings(copies);
    for (const e of graph.edges) {
        if (e.via === 'from' || !heirs.has(e.to))
            continue;
        for (const p of e.paths) {
            if (p === '' || p.includes('$'))
                continue;
            const resolved = resolvePath(finalWorkdir(model, e.to), p);
            const parts = resolved.split('/').filter((x) => x !== '');
            const top = parts[0];
            if (top === undefined)
                continue;
            if (landed.has(top))
                return { line: e.line, path: resolved };
            if (parts.length === 1 && !ROOT_FOLDERS.has(top) && !writesAbsolute(stageChain(model, e.to).flatMap((s) => s.instructions.map((i) => i.raw)).join('\n'), resolved))
                return { line: e.line, path: resolved };
        }
    }
    return null;
}
const copyRelativeWithoutWorkdir = {
    meta: {
        id: 'copy-relative-without-workdir',
        title: 'COPY to a relative destination before any WORKDIR',
        severity: 'warning',
        category: 'correctness',
        scope: 'all',
        equivalents: { hadolint: 'DL3045', buildkit: null }
    },
    check: ({ model, graph }) => model.stages.flatMap((stage) => {
        const chain = stageChain(model, stage.index);
        const root = chain[0];
        // scratch has no image config: its working directory is /, in this stage and in those built FROM it.
        if (root === undefined || root.base.kind === 'scratch')
            return [];
        // A WORKDIR in a stage this one is built FROM counts (hadolint does the same).
        if (chain.slice(0, -1).some((s) => s.instructions.some((i) => i.keyword === 'WORKDIR')))
            return [];
        const windows = isWindowsStage(model, stage.index);
        const copies = [];
        for (const ins of stage.instructions) {
            if (ins.keyword === 'WORKDIR')
                break;
            if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && ins.copy !== undefined && pathKind(ins.copy.destinationWord, windows) === 'relative')
                copies.push(ins);
        }
        if (copies.length === 0)
            return [];
        const base = root.base.image !== null && root.base.unresolved.length === 0 ? `${root.base.resolved}'s` : "the base image's";
        if (graph.roles[stage.index] === 'build') {
            const use = cwdDependentUse(model, graph, stage, copies);
            if (use === null)
                return [];
            return copies.map((ins) => ({
                line: ins.line,
                message: `${ins.keyword} to the relative path ${copy_relative_without_workdir_shown(ins.copy?.destinationWord)} before any WORKDIR lands in ${base} working directory, which this file does not set, and line ${use.line} takes ${use.path} out of this stage as if that directory were /: set WORKDIR first or use absolute paths`,
                stage: stage.index
            }));
        }
        return copies.map((ins) => ({
            line: ins.line,
            message: `${ins.keyword} to the relative path ${copy_relative_without_workdir_shown(ins.copy?.destinationWord)} before any WORKDIR lands in ${base} working directory, which this file does not set (/ unless the image sets another): set WORKDIR first or use an absolute path`,
            stage: stage.index
        }));
    })
};

;// CONCATENATED MODULE: ./src/rules/cross-compile-platform.ts
/** Multi-platform builds compile fastest natively: FROM --platform=$BUILDPLATFORM in the compiler stage. */

const CROSS_COMPILERS = new Set(['golang', 'rust', 'tonistiigi/xx']);
const crossCompilePlatform = {
    meta: {
        id: 'cross-compile-platform',
        title: 'A compiler stage of a multi-platform build runs under emulation',
        severity: 'info',
        category: 'structure',
        scope: 'all',
        equivalents: { hadolint: null, buildkit: null },
        about: 'file'
    },
    check: ({ model, graph }) => {
        // Only files that already build for several platforms (they read TARGETARCH/TARGETOS/TARGETPLATFORM).
        const multiPlatform = model.stages.some((s) => s.instructions.some((i) => i.raw.includes('$') && referencedNames(i.raw).some((n) => n === 'TARGETARCH' || n === 'TARGETOS' || n === 'TARGETPLATFORM')));
        if (!multiPlatform)
            return [];
        return model.stages
            .filter((s) => graph.roles[s.index] === 'build' && s.base.platform === null && s.base.image !== null && CROSS_COMPILERS.has(s.base.image))
            .map((s) => ({ line: s.line, message: `build stage ${s.name ?? s.index} compiles with ${s.base.image} under emulation for each target platform: FROM --platform=$BUILDPLATFORM and cross-compile with TARGETOS/TARGETARCH`, stage: s.index }));
    }
};

;// CONCATENATED MODULE: ./src/rules/curl-pipe-shell.ts

const DOWNLOADERS = new Set(['curl', 'wget']);
const INTERPRETER = /^(?:sh|bash|zsh|dash|ash|ksh|python[0-9.]*|perl|ruby|php[0-9.]*|node|eval|source|\.)$/;
/** A checksum or signature check anywhere in the RUN. */
const VERIFIERS = new Set(['sha256sum', 'sha512sum', 'sha384sum', 'sha1sum', 'md5sum', 'shasum', 'b2sum', 'gpg', 'gpgv', 'cosign', 'minisign', 'signify', 'openssl', 'rpm']);
/** `$(curl …)`, `` `wget …` ``, `<(curl …)`: a download whose output is used in place. */
const SUBSTITUTED_DOWNLOAD = /(?:\$\(|`|<\()\s*(?:\S*\/)?(?:curl|wget)\b/;
/**
 * A script fetched from a commit (`/<40 hex>/`) cannot change, and one fetched from a release
 * (`/v1.55.2/`, `/${LINT_VERSION}/`) is as fixed as the release: both are pinned.
 */
const PINNED = /\/(?:[0-9a-f]{40}|v?\d+(?:\.\d+)+[\w.-]*|\$\{?\w*(?:VERSION|TAG|REF|COMMIT|SHA)\w*\}?)\//i;
function urlOf(words) {
    for (const w of words) {
        const m = /https?:\/\/[^\s"'`)]+/.exec(w);
        if (m !== null)
            return m[0];
    }
    return null;
}
/** The pipeline a downloader feeds: the commands after it up to the end of the pipe. */
function pipeline(commands, from) {
    const out = [];
    for (let i = from; i < commands.length && commands[i - 1].piped; i++)
        out.push(commands[i]);
    return out;
}
function remoteExecutions(commands) {
    const found = [];
    commands.forEach((c, i) => {
        if (DOWNLOADERS.has(c.program) && c.piped) {
            const runner = pipeline(commands, i + 1).find((p) => INTERPRETER.test(p.program));
            if (runner !== undefined)
                found.push({ interpreter: runner.program, url: urlOf(c.args) });
        }
        else if (INTERPRETER.test(c.program) && c.args.some((a) => SUBSTITUTED_DOWNLOAD.test(a))) {
            found.push({ interpreter: c.program, url: urlOf(c.args) });
        }
    });
    return found;
}
const curlPipeShell = {
    meta: {
        id: 'curl-pipe-shell',
        title: 'A downloaded script is run without being verified',
        severity: 'warning',
        category: 'security',
        scope: 'all',
        equivalents: { hadolint: null, buildkit: null }
    },
    check: ({ model }) => {
        const reports = [];
        for (const stage of model.stages) {
            for (const ins of stage.instructions) {
                const commands = runCommands(ins);
                if (commands.length === 0 || commands.some((c) => VERIFIERS.has(c.program)))
                    continue;
                const runs = remoteExecutions(commands).filter((e) => e.url === null || !PINNED.test(e.url));
                const first = runs[0];
                if (first === undefined)
                    continue;
                const what = first.url === null ? 'a downloaded script' : first.url;
                reports.push({
                    line: ins.line,
                    endLine: ins.endLine,
                    message: `RUN runs ${what} with ${first.interpreter} straight from the network: whatever the server sends at build time runs unchecked. Download it to a file, check it (echo "<sha256>  install.sh" | sha256sum -c -) and then run it, or install from the vendor's signed package repository`,
                    stage: stage.index
                });
            }
        }
        return reports;
    }
};

;// CONCATENATED MODULE: ./src/rules/dead-instruction.ts
const METADATA = new Set(['CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'EXPOSE', 'STOPSIGNAL']);
const deadInstruction = {
    meta: {
        id: 'dead-instruction',
        title: 'Image metadata in a build stage has no effect',
        severity: 'info',
        category: 'structure',
        scope: 'all',
        equivalents: { hadolint: null, buildkit: null }
    },
    check: ({ model, graph }) => model.stages
        .filter((s) => graph.roles[s.index] === 'build')
        .flatMap((s) => s.instructions
        .filter((i) => METADATA.has(i.keyword))
        .map((i) => ({
        line: i.line,
        endLine: i.endLine,
        message: `${i.keyword} in build stage ${s.name ?? s.index} has no effect: only files copied from this stage reach the shipped image`,
        stage: s.index
    })))
};

;// CONCATENATED MODULE: ./src/rules/dev-dependencies-shipped.ts
/** Node dev dependencies in the shipped image: installed there, or copied in with node_modules. */



const PROD_FLAGS = ['--omit=dev', '--production', '--only=production', '--only=prod', '--prod', '-P'];
/** `npm ci`, `npm install` (no package names), `yarn`, `yarn install`, `pnpm install` without a production flag. */
function installsDevDeps(c, run) {
    if (run.scope.get('NODE_ENV')?.value === 'production')
        return false;
    if (c.args.some((a) => PROD_FLAGS.includes(a) || a.startsWith('--omit=dev') || a === '--omit'))
        return false;
    if (isCommand(c, 'npm', 'ci'))
        return true;
    if (isCommand(c, 'npm', 'install', 'i'))
        return operands(c).length === 1 && !c.args.includes('-g') && !c.args.includes('--global');
    if (c.name === 'yarn')
        return c.args.length === 0 || operands(c)[0] === 'install';
    if (isCommand(c, 'pnpm', 'install', 'i'))
        return true;
    return false;
}
function prunes(c) {
    return (isCommand(c, 'npm', 'prune') && c.args.some((a) => PROD_FLAGS.includes(a) || a.startsWith('--omit=dev'))) || (isCommand(c, 'pnpm', 'prune') && c.args.includes('--prod'));
}
/** The RUN installing dev dependencies in a stage (or its FROM chain), unless pruned later there. */
function devInstall(model, stage) {
    let found = null;
    for (const s of stageChain(model, stage.index)) {
        for (const run of runs(s)) {
            const commands = runCommands(run);
            if (commands.some((c) => installsDevDeps(c, run)))
                found = run;
            if (commands.some(prunes))
                found = null;
        }
    }
    return found;
}
const devDependenciesShipped = {
    meta: {
        id: 'dev-dependencies-shipped',
        title: 'Node dev dependencies end up in the shipped image',
        severity: 'warning',
        category: 'size',
        scope: 'ships',
        equivalents: { hadolint: null, buildkit: null }
    },
    check: ({ model, graph }) => {
        const edges = edgesByStage(graph, model.stages.length);
        return model.stages.flatMap((stage) => {
            const reports = [];
            const own = devInstall(model, stage);
            if (own !== null && own.stage === stage.index) {
                reports.push({ line: own.line, endLine: own.endLine, message: 'this install includes devDependencies and they ship: use npm ci --omit=dev (or set NODE_ENV=production), and build in a separate stage', stage: stage.index });
            }
            for (const edge of (edges[stage.index] ?? []).filter((e) => e.via === 'copy' && e.paths.some((p) => p.includes('node_modules')))) {
                const source = model.stages[edge.to];
                const install = source === undefined ? null : devInstall(model, source);
                if (install !== null) {
                    reports.push({ line: edge.line, message: `node_modules from stage ${source?.name ?? edge.to} include devDependencies (installed on line ${install.line}): install with --omit=dev in a separate stage and copy that node_modules`, stage: stage.index });
                }
            }
            return reports;
        });
    }
};

;// CONCATENATED MODULE: ./src/rules/duplicate-stage-name.ts

const duplicateStageName = graphProblemRule({
    id: 'duplicate-stage-name',
    title: 'Two stages have the same name',
    severity: 'error',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: 'DL3024', buildkit: 'DuplicateStageName' }
}, (p) => `stage name "${p.name}" is already used by the stage on line ${p.firstLine} (names are compared without case)`);

;// CONCATENATED MODULE: ./src/rules/exec-form-variable.ts
/**
 * In exec form (`CMD ["java", "-Dport=${PORT}"]`) nothing expands `$PORT`: Docker does not, and
 * no shell runs. The program gets the text `${PORT}` as written. A shell in the array
 * (`["sh", "-c", "…"]`, also behind tini or gosu) expands its script, so that is left alone.
 */


const SHELLS = /^(?:.*[/\\])?(?:sh|bash|ash|dash|zsh|ksh|mksh|busybox|pwsh|powershell|cmd)(?:\.exe)?$/i;
/** `-c`, `-ec`, `-lc`, PowerShell's `-Command`, cmd's `/C`. */
const RUNS_SCRIPT = /^(?:-[a-zA-Z]*c[a-zA-Z]*|-command|\/c)$/i;
/** The array runs a shell on a script of its own, and the shell expands the script's variables. */
function runsShellScript(words) {
    const shell = words.findIndex((w) => SHELLS.test(w));
    return shell >= 0 && words.slice(shell + 1).some((w) => RUNS_SCRIPT.test(w));
}
/** ENTRYPOINT ["sh", "-c"]: the CMD array's first element is the shell's script. */
function entrypointTakesScript(entrypoint) {
    const words = entrypoint?.form === 'json' ? (entrypoint.json ?? []) : [];
    return words.length > 1 && SHELLS.test(words[0]) && RUNS_SCRIPT.test(words[words.length - 1]);
}
/** The exec-form words of CMD, ENTRYPOINT, HEALTHCHECK CMD or RUN; null in shell form. */
function execWords(ins) {
    if (ins.form !== 'json' || ins.json === null)
        return null;
    return ins.json;
}
/** `scratch` and distroless (but their :debug tags) have no /bin/sh to expand anything. */
function hasNoShell(model, index) {
    const root = stageChain(model, index)[0];
    if (root === undefined)
        return false;
    return root.base.kind === 'scratch' || (/^gcr\.io\/distroless\//.test(root.base.image ?? '') && !/debug/.test(root.base.tag ?? ''));
}
function exec_form_variable_suggestion(ins, words, noShell) {
    const line = words.join(' ');
    if (ins.keyword === 'RUN')
        return `write it in shell form: RUN ${line}`;
    if (noShell)
        return 'this image has no shell to expand it: have the program read the environment variable itself, or pass the value as an argument to docker run';
    const keyword = ins.keyword === 'HEALTHCHECK' ? 'HEALTHCHECK CMD' : ins.keyword;
    return `let a shell expand it and exec the program, so it still gets signals: ${keyword} ${JSON.stringify(['sh', '-c', `exec ${line}`])}, or use an entrypoint script`;
}
const execFormVariable = {
    meta: {
        id: 'exec-form-variable',
        title: 'A variable in exec form is never expanded',
        severity: 'warning',
        category: 'correctness',
        scope: 'all',
        equivalents: { hadolint: null, buildkit: null }
    },
    check: ({ model, graph }) => {
        // CMD, ENTRYPOINT and HEALTHCHECK only matter in the shipped image (elsewhere they are dead).
        const shipped = new Set(graph.target === null ? [] : stageChain(model, graph.target).map((s) => s.index));
        const reports = [];
        // The ENTRYPOINT in effect at the end of each stage, inherited through FROM <stage> (bases come first).
        const lastEntrypoint = [];
        for (const stage of model.stages) {
            const base = stage.base.kind === 'stage' && stage.base.stage !== null && stage.base.stage < stage.index ? stage.base.stage : null;
            let entrypoint = base === null ? null : (lastEntrypoint[base] ?? null);
            for (const ins of stage.instructions) {
                if (ins.keyword === 'ENTRYPOINT')
                    entrypoint = ins;
                const command = ins.keyword === 'CMD' || ins.keyword === 'ENTRYPOINT' || ins.keyword === 'HEALTHCHECK';
                if (!command && ins.keyword !== 'RUN')
                    continue;
                if (command && !shipped.has(stage.index))
                    continue;
                const words = execWords(ins);
                if (words === null || runsShellScript(words))
                    continue;
                if (ins.keyword === 'CMD' && entrypointTakesScript(entrypoint))
                    continue;
                const names = words.flatMap((w) => referencedNames(w));
                if (names.length === 0)
                    continue;
                const list = [...new Set(names)].map((n) => `$${n}`).join(', ');
                reports.push({
                    line: ins.line,
                    endLine: ins.endLine,
                    message: `${ins.keyword} in exec form does not expand ${list}: the program gets the text as written; ${exec_form_variable_suggestion(ins, words, hasNoShell(model, stage.index))}`,
                    stage: stage.index
                });
            }
            lastEntrypoint[stage.index] = entrypoint;
        }
        return reports;
    }
};

;// CONCATENATED MODULE: ./src/rules/expose-invalid-format.ts
const exposeInvalidFormat = {
    meta: {
        id: 'expose-invalid-format',
        title: 'EXPOSE with an IP address or a host port mapping',
        severity: 'warning',
        category: 'correctness',
        scope: 'all',
        equivalents: { hadolint: null, buildkit: 'ExposeInvalidFormat' }
    },
    check: ({ model }) => model.stages.flatMap((s) => s.instructions
        .filter((i) => i.keyword === 'EXPOSE')
        .flatMap((i) => i.args
        .filter((a) => !a.includes('$') && a.includes(':'))
        .map((a) => ({ line: i.line, message: `EXPOSE ${a}: an image cannot publish to a host address or port; EXPOSE only the container port (${a.split(':').pop() ?? a}) and map it with docker run -p`, stage: s.index }))))
};

;// CONCATENATED MODULE: ./src/rules/expose-proto-casing.ts
const exposeProtoCasing = {
    meta: {
        id: 'expose-proto-casing',
        title: 'EXPOSE protocol is not lower case',
        severity: 'warning',
        category: 'style',
        scope: 'all',
        equivalents: { hadolint: null, buildkit: 'ExposeProtoCasing' }
    },
    check: ({ model }) => model.stages.flatMap((s) => s.instructions
        .filter((i) => i.keyword === 'EXPOSE')
        .flatMap((i) => i.args.filter((a) => /\/[a-zA-Z]+$/.test(a) && a !== a.toLowerCase()).map((a) => ({ line: i.line, message: `EXPOSE ${a}: write the protocol in lower case (${a.toLowerCase()})`, stage: s.index }))))
};

;// CONCATENATED MODULE: ./src/rules/from-as-casing.ts

const fromAsCasing = {
    meta: {
        id: 'from-as-casing',
        title: 'The case of AS does not match the case of FROM',
        severity: 'warning',
        category: 'style',
        scope: 'all',
        equivalents: { hadolint: null, buildkit: 'FromAsCasing' }
    },
    check: ({ model }) => model.stages.flatMap((s) => {
        const from = s.instructions[0];
        const as = from?.args[1];
        if (from === undefined || as === undefined || as.toLowerCase() !== 'as')
            return [];
        const kw = from.keywordRaw;
        if ((isUpper(kw) && !isUpper(as)) || (isLower(kw) && !isLower(as))) {
            return [{ line: s.line, message: `"${as}" does not match the case of "${kw}"; write ${isUpper(kw) ? 'AS' : 'as'}`, stage: s.index }];
        }
        return [];
    })
};

;// CONCATENATED MODULE: ./src/rules/from-missing-stage-variant.ts
/**
 * `FROM base-${VARIANT}` picks one of the file's stages by an ARG. When the ARG's default names
 * no stage (VARIANT=slim, stages base-alpine and base-debian), BuildKit does not fail on the
 * stage: it pulls an image called `base-slim` that nobody publishes. Platform ARGs are left
 * alone: `FROM build-${TARGETOS}` is resolved per platform and each platform has its stage.
 */

const PLATFORM_ARG = /^(?:TARGET|BUILD)(?:PLATFORM|OS|ARCH|VARIANT)$/;
/** `base-${VARIANT}` → `base-*`: the shape of the names the FROM can take. Linear scan. */
function shapeOf(raw) {
    let out = '';
    for (let i = 0; i < raw.length; i++) {
        const c = raw[i];
        if (c !== '$') {
            out += c;
            continue;
        }
        if (raw[i + 1] === '{') {
            let depth = 0;
            let j = i + 1;
            for (; j < raw.length; j++) {
                if (raw[j] === '{')
                    depth++;
                else if (raw[j] === '}' && --depth === 0)
                    break;
            }
            i = j;
        }
        else {
            while (i + 1 < raw.length && /\w/.test(raw[i + 1]))
                i++;
        }
        if (!out.endsWith('*'))
            out += '*';
    }
    return out.toLowerCase();
}
/** For `FROM ${BASE}` alone: stages of the default's family (`base-slim` → `base-…`). */
function familyOf(resolved) {
    const cut = Math.max(resolved.lastIndexOf('-'), resolved.lastIndexOf('_'), resolved.lastIndexOf('.'));
    return cut >= 2 ? `${resolved.slice(0, cut + 1)}*` : null;
}
function defaultsOf(model, names) {
    return names
        .map((n) => {
        const arg = [...model.globalArgs].reverse().find((a) => a.name === n);
        return arg === undefined ? `${n}` : `${n}=${arg.value ?? ''} (line ${arg.line})`;
    })
        .join(', ');
}
/** Stage names of this shape: a cheap prefix and suffix test first, the glob only on those. */
function matching(names, pattern, self) {
    const prefix = pattern.slice(0, pattern.indexOf('*') < 0 ? pattern.length : pattern.indexOf('*'));
    const suffix = pattern.slice(pattern.lastIndexOf('*') + 1);
    return names.ids.filter((id) => id !== self && id.startsWith(prefix) && id.endsWith(suffix) && globMatches(pattern, id));
}
function check(model, names, stage) {
    const base = stage.base;
    if (!base.raw.includes('$') || base.kind !== 'image' || base.unresolved.length > 0 || base.resolved === '')
        return null;
    const used = referencedNames(base.raw);
    if (used.length === 0 || used.some((n) => PLATFORM_ARG.test(n)))
        return null;
    const resolved = base.resolved.toLowerCase();
    if (names.set.has(resolved))
        return null;
    const shape = shapeOf(base.raw);
    // A registry, a repository path, a tag or a digest in the literal text: an image, not a stage.
    if (/[/:@]/.test(shape.replace(/\*/g, '')))
        return null;
    const literal = shape.replace(/[*\-_.]/g, '');
    const pattern = literal.length >= 2 ? shape : literal === '' && !/[/:@]/.test(resolved) ? familyOf(resolved) : null;
    if (pattern === null)
        return null;
    const candidates = matching(names, pattern, stage.id);
    if (candidates.length === 0)
        return null;
    return {
        line: stage.line,
        message: `FROM ${base.raw} resolves to ${base.resolved} with ${defaultsOf(model, used)}, and no stage has that name (stages: ${candidates.join(', ')}), so docker build pulls an image called ${base.resolved} instead; change the default to one of the stages or add a stage ${base.resolved}`,
        stage: stage.index
    };
}
const fromMissingStageVariant = {
    meta: {
        id: 'from-missing-stage-variant',
        title: 'FROM picks a stage by ARG, and the default picks none',
        severity: 'warning',
        category: 'correctness',
        scope: 'all',
        equivalents: { hadolint: null, buildkit: null }
    },
    check: ({ model }) => {
        if (!model.stages.some((s) => s.base.raw.includes('$')))
            return [];
        const ids = [...new Set(model.stages.flatMap((s) => (s.id === null ? [] : [s.id])))];
        const names = { ids, set: new Set(ids) };
        return model.stages.flatMap((s) => check(model, names, s) ?? []);
    }
};

;// CONCATENATED MODULE: ./src/rules/from-platform-flag-const.ts
const fromPlatformFlagConst = {
    meta: {
        id: 'from-platform-flag-const',
        title: 'FROM --platform is a constant',
        severity: 'warning',
        category: 'correctness',
        scope: 'all',
        equivalents: { hadolint: 'DL3029', buildkit: 'FromPlatformFlagConstDisallowed' }
    },
    check: ({ model }) => model.stages.flatMap((s) => {
        const platform = s.base.platform;
        if (platform === null || platform.includes('$'))
            return [];
        // BuildKit allows it when the stage name says which platform it is for (AS build_amd64).
        const parts = platform.toLowerCase().split('/');
        if (s.id !== null && parts.some((p) => p !== '' && s.id.includes(p)))
            return [];
        return [{ line: s.line, message: `--platform=${platform} makes every build of this stage use ${platform}, emulated on other machines: use $BUILDPLATFORM or $TARGETPLATFORM, or build with --platform`, stage: s.index }];
    })
};

;// CONCATENATED MODULE: ./src/rules/global-arg-not-redeclared.ts
/** A global ARG is visible in FROM lines only; a stage must say `ARG NAME` to use it. */


const globalArgNotRedeclared = {
    meta: {
        id: 'global-arg-not-redeclared',
        title: 'A stage uses a global ARG without declaring it',
        severity: 'warning',
        category: 'correctness',
        scope: 'all',
        equivalents: { hadolint: null, buildkit: 'UndefinedVar' }
    },
    check: ({ model }) => {
        const globals = new Map(model.globalArgs.map((a) => [a.name, a]));
        if (globals.size === 0)
            return [];
        return model.stages.flatMap((stage) => {
            const reported = new Set();
            const reports = [];
            for (const ins of stage.instructions.slice(1)) {
                for (const name of referencedNames(expandableText(ins))) {
                    const global = globals.get(name);
                    if (global === undefined || ins.scope.has(name) || reported.has(name))
                        continue;
                    reported.add(name);
                    // Re-declared, but only further down: the fix is to move it, not to add another.
                    const later = stage.instructions.find((i) => i.line > ins.line && i.keyword === 'ARG' && (i.variables ?? []).some((v) => v.name === name));
                    const fix = later === undefined ? `add ARG ${name} inside this stage` : `the stage's ARG ${name} (line ${later.line}) comes after this line: move it up`;
                    reports.push({
                        line: ins.line,
                        endLine: ins.endLine,
                        message: `$${name} is empty here: ARG ${name} (line ${global.line}) is declared before the first FROM, which makes it visible to FROM lines only; ${fix}`,
                        stage: stage.index
                    });
                }
            }
            return reports;
        });
    }
};

;// CONCATENATED MODULE: ./src/rules/heavy-final-base.ts
/**
 * The shipped image is built on a toolchain image (SDK, compiler, full distribution). Only the
 * root of the target's FROM chain matters: a golang build stage is exactly right.
 */

const heavy_final_base_SLIM = /(?:slim|alpine|distroless|jre|runtime)/;
const heavy_final_base_FAMILIES = [
    { images: ['golang'], suggestion: 'build in golang and ship the binary on gcr.io/distroless/static (or scratch, or alpine)' },
    { images: ['rust'], suggestion: 'build in rust and ship the binary on gcr.io/distroless/cc or debian:bookworm-slim' },
    // Not buildpack-deps: the official full images (python, golang, ...) are built on it on purpose.
    { images: ['gcc'], suggestion: 'compile in this image and ship the result on debian:bookworm-slim or distroless' },
    { images: ['maven', 'gradle'], suggestion: 'build the jar here and ship it on eclipse-temurin:<version>-jre' },
    { images: ['openjdk', 'eclipse-temurin', 'amazoncorretto'], light: /jre/, suggestion: 'ship the jar on eclipse-temurin:<version>-jre' },
    { images: ['mcr.microsoft.com/dotnet/sdk'], suggestion: 'publish here and ship on mcr.microsoft.com/dotnet/aspnet (or runtime, runtime-deps for self-contained apps)' },
    { images: ['node'], light: heavy_final_base_SLIM, suggestion: 'ship on node:<version>-slim (or -alpine, or gcr.io/distroless/nodejs)' },
    { images: ['python'], light: heavy_final_base_SLIM, suggestion: 'ship on python:<version>-slim' },
    { images: ['ruby'], light: heavy_final_base_SLIM, suggestion: 'ship on ruby:<version>-slim' }
];
function heavy_final_base_familyOf(image) {
    const name = image.startsWith('docker.io/library/') ? image.slice('docker.io/library/'.length) : image.replace(/^library\//, '');
    return heavy_final_base_FAMILIES.find((f) => f.images.includes(name));
}
const heavyFinalBase = {
    meta: {
        id: 'heavy-final-base',
        title: 'The shipped image is built on a toolchain image',
        severity: 'warning',
        category: 'size',
        scope: 'ships',
        equivalents: { hadolint: null, buildkit: null },
        about: 'file'
    },
    check: ({ model, graph }) => {
        if (graph.target === null)
            return [];
        const root = rootImage(model, graph.target);
        if (root === null)
            return [];
        const family = heavy_final_base_familyOf(root.base.image ?? '');
        if (family === undefined)
            return [];
        const tag = root.base.tag ?? 'latest';
        if (family.light?.test(tag) === true)
            return [];
        const shipped = `${root.base.image}:${tag}`;
        const multi = model.stages.length > 1 ? '' : ' Split the file: a build stage, then a small runtime stage.';
        return [{ line: root.line, message: `the shipped image is based on ${shipped}, a toolchain image: ${family.suggestion}.${multi}`, stage: root.index }];
    }
};

;// CONCATENATED MODULE: ./src/rules/image-not-pinned.ts
/** Opt-in policy: every external image is pinned by digest. */


const imageNotPinned = {
    meta: {
        id: 'image-not-pinned',
        title: 'An external image is not pinned by digest (opt-in)',
        severity: 'warning',
        category: 'security',
        scope: 'all',
        equivalents: { hadolint: null, buildkit: null },
        options: [{ name: 'pin-digests', type: 'boolean', default: false, doc: 'Turns the rule on: every external image must be pinned by digest.' }]
    },
    check: ({ graph, options }) => {
        if (options['pin-digests'] !== true)
            return [];
        return graph.external
            .filter((ref) => {
            const parsed = parseImageReference(ref.image);
            return parsed !== null && parsed.digest === null;
        })
            .map((ref) => ({ line: ref.line, message: `${referenceKind(ref)} ${ref.image} is not pinned by digest: append @sha256:… so a re-pushed tag cannot change what you build`, stage: ref.stage }));
    }
};

;// CONCATENATED MODULE: ./src/rules/invalid-default-arg-in-from.ts

/** The text of a FROM word outside its `$NAME` and `${…}` references. */
function literalText(raw) {
    let out = '';
    for (let i = 0; i < raw.length; i++) {
        const c = raw[i];
        if (c !== '$') {
            out += c;
            continue;
        }
        if (raw[i + 1] === '{') {
            const close = raw.indexOf('}', i + 2);
            i = close < 0 ? raw.length : close;
        }
        else {
            let j = i + 1;
            while (j < raw.length && /[A-Za-z0-9_]/.test(raw[j]))
                j++;
            i = j - 1;
        }
    }
    return out;
}
/** The global ARG of that name a FROM on `line` sees (the last one declared before it). */
function globalArg(model, name, line) {
    return model.globalArgs.filter((a) => a.name === name && a.line < line).pop();
}
function invalid_default_arg_in_from_check(model, s) {
    if (s.base.kind !== 'image' || s.base.image !== null)
        return [];
    // A literal invalid reference is a parse error; a platform ARG has its real value in BuildKit.
    const names = referencedNames(s.base.raw).filter((n) => !PLATFORM_ARGS.includes(n));
    if (names.length === 0)
        return [];
    const declared = names.map((n) => globalArg(model, n, s.line)).filter((a) => a !== undefined);
    // `FROM $TYPO`: undefined-arg-in-from says why; reporting it twice helps nobody.
    if (declared.length < names.length && declared.every((a) => a.value !== null && a.value !== ''))
        return [];
    const empty = declared.filter((a) => a.value === null || a.value === '');
    const list = (args) => args.map((a) => `ARG ${a.name}`).join(', ');
    const at = { line: s.line, endLine: s.line, stage: s.index };
    if (empty.length > 0 && empty.length === names.length && !/[A-Za-z0-9]/.test(literalText(s.base.raw))) {
        const passes = empty.map((a) => `--build-arg ${a.name}=<image>`).join(' ');
        return [
            {
                ...at,
                message: `FROM ${s.base.raw} is a required build argument: ${list(empty)} has no default, so a plain docker build fails; pass ${passes}, or give ${list(empty)} a default`,
                severity: 'info'
            }
        ];
    }
    const shown = s.base.resolved === '' ? 'an empty name' : `"${s.base.resolved}"`;
    const fix = empty.length > 0 ? `give ${list(empty)} a default (callers can still pass --build-arg)` : `fix the default of ${list(declared)}`;
    return [{ ...at, message: `with the default values FROM ${s.base.raw} becomes ${shown}, not a valid image reference: ${fix}` }];
}
const invalidDefaultArgInFrom = {
    meta: {
        id: 'invalid-default-arg-in-from',
        title: 'FROM is not a valid image with the default ARG values',
        severity: 'warning',
        category: 'correctness',
        scope: 'all',
        equivalents: { hadolint: null, buildkit: 'InvalidDefaultArgInFrom' }
    },
    check: ({ model }) => model.stages.flatMap((s) => invalid_default_arg_in_from_check(model, s))
};

;// CONCATENATED MODULE: ./src/rules/invalid-definition-description.ts
const invalidDefinitionDescription = {
    meta: {
        id: 'invalid-definition-description',
        title: 'The comment above an ARG or stage does not describe it',
        severity: 'info',
        category: 'style',
        scope: 'all',
        equivalents: { hadolint: null, buildkit: 'InvalidDefinitionDescription' },
        experimental: true
    },
    check: ({ model }) => {
        const byLine = new Map(model.comments.map((c) => [c.line, c.text.trim()]));
        const all = model.instructions;
        return all.flatMap((ins) => {
            const name = ins.keyword === 'ARG' ? ins.variables?.[0]?.name : ins.keyword === 'FROM' ? model.stages[ins.stage]?.name ?? undefined : undefined;
            const comment = byLine.get(ins.line - 1);
            if (name === undefined || comment === undefined || comment === '' || comment.split(/\s+/)[0] === name)
                return [];
            return [{ line: ins.line - 1, message: `a description comment should start with the name it describes ("# ${name} …"); add an empty line if this comment is not one`, stage: ins.stage < 0 ? null : ins.stage }];
        });
    }
};

;// CONCATENATED MODULE: ./src/rules/invalid-stage-name.ts

const invalidStageName = graphProblemRule({
    id: 'invalid-stage-name',
    title: 'A stage name BuildKit rejects',
    severity: 'error',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: null, buildkit: null }
}, (p) => `stage name "${p.name}" is invalid: it must start with a letter and use only letters, digits, "-", "_" and "."`);

;// CONCATENATED MODULE: ./src/rules/suppressions.ts
function add(target, ids) {
    if (target === 'all' || ids === 'all')
        return 'all';
    for (const id of ids)
        target.add(id);
    return target;
}
function suppressions_list(text) {
    return text
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
}
/** Maps names of one tool to our rule ids; records the names that map to nothing. */
function resolve(names, tool, rules, line, unknown) {
    const ids = new Set();
    for (const name of names) {
        if (tool === 'buildkit' && name.toLowerCase() === 'all') {
            for (const r of rules)
                if (r.meta.equivalents.buildkit !== null)
                    ids.add(r.meta.id);
            continue;
        }
        const matches = rules.filter((r) => tool === 'stagecraft' ? r.meta.id === name : tool === 'hadolint' ? r.meta.equivalents.hadolint === name.toUpperCase() : r.meta.equivalents.buildkit === name);
        // hadolint and BuildKit have checks we do not implement: silently nothing to suppress there.
        if (matches.length === 0 && tool === 'stagecraft')
            unknown.push({ line, name, tool });
        for (const r of matches)
            ids.add(r.meta.id);
    }
    return ids;
}
function instructionsOf(model) {
    return model.instructions;
}
/** The engine and the invalid-suppression rule both ask; read each file's comments once. */
const cache = new WeakMap();
function readSuppressions(model, rules) {
    const cached = cache.get(model);
    if (cached !== undefined && cached.rules === rules)
        return cached.suppressions;
    const suppressions = computeSuppressions(model, rules);
    cache.set(model, { rules, suppressions });
    return suppressions;
}
function computeSuppressions(model, rules) {
    const result = { file: new Set(), ranges: [], buildkitErrors: false, unknown: [] };
    const check = model.directives.check;
    if (check !== null) {
        result.file = add(result.file, resolve(check.skip === 'all' ? ['all'] : check.skip, 'buildkit', rules, check.line, result.unknown));
        result.buildkitErrors = check.error;
    }
    const instructions = instructionsOf(model);
    const nextInstruction = (line) => instructions.find((i) => i.line > line);
    for (const comment of model.comments) {
        const text = comment.text.trim();
        let match;
        let ids = null;
        let fileWide = false;
        if ((match = /^stagecraft-ignore-file\b\s*(.*)$/.exec(text)) !== null) {
            fileWide = true;
            ids = (match[1] ?? '').trim() === '' ? 'all' : resolve(suppressions_list(match[1] ?? ''), 'stagecraft', rules, comment.line, result.unknown);
        }
        else if ((match = /^stagecraft-ignore\b\s*(.*)$/.exec(text)) !== null) {
            ids = (match[1] ?? '').trim() === '' ? 'all' : resolve(suppressions_list(match[1] ?? ''), 'stagecraft', rules, comment.line, result.unknown);
        }
        else if ((match = /^hadolint\s+(global\s+)?ignore\s*=\s*(\S+)/.exec(text)) !== null) {
            fileWide = match[1] !== undefined;
            ids = resolve(suppressions_list(match[2] ?? ''), 'hadolint', rules, comment.line, result.unknown);
        }
        else if ((match = /^check\s*=\s*skip\s*=\s*([^\s;]+)/.exec(text)) !== null && comment.line !== check?.line) {
            ids = resolve(suppressions_list(match[1] ?? ''), 'buildkit', rules, comment.line, result.unknown);
        }
        if (ids === null)
            continue;
        if (fileWide) {
            result.file = add(result.file, ids);
            continue;
        }
        const next = nextInstruction(comment.line);
        if (next !== undefined)
            result.ranges.push([next.line, next.endLine, ids]);
    }
    return result;
}
/** Findings about an unreadable file are only silenced by name, never by a blanket ignore. */
const UNSILENCEABLE_BY_ALL = new Set(['parse-error', 'internal-error']);
const covers = (set, id) => (set === 'all' ? !UNSILENCEABLE_BY_ALL.has(id) : set.has(id));
function isSuppressed(suppressions, finding) {
    if (covers(suppressions.file, finding.rule))
        return true;
    return suppressions.ranges.some(([first, last, ids]) => finding.line >= first && finding.line <= last && covers(ids, finding.rule));
}

;// CONCATENATED MODULE: ./src/rules/invalid-suppression.ts

const invalidSuppression = {
    meta: {
        id: 'invalid-suppression',
        title: 'A stagecraft-ignore comment names no known rule',
        severity: 'warning',
        category: 'correctness',
        scope: 'all',
        equivalents: { hadolint: null, buildkit: null }
    },
    check: ({ model, rules }) => readSuppressions(model, rules).unknown.map((u) => ({
        line: u.line,
        message: `"${u.name}" is not a Stagecraft rule, so this comment suppresses nothing (stagecraft --list-rules shows the ids)`,
        stage: null
    }))
};

;// CONCATENATED MODULE: ./src/rules/json-args-recommended.ts
/**
 * A shell-form CMD or ENTRYPOINT runs as `/bin/sh -c "…"`. It matters only where the shell stays
 * PID 1 and so keeps SIGTERM from the program: dash (Debian, Ubuntu) never execs the command it
 * runs last, BusyBox ash (Alpine) does, and bash does for a lone simple command. Checked with
 * dash 0.5.12, BusyBox 1.35 and bash 5.2.
 */



/**
 * The simple commands a script runs last (one per branch of a final if or case), or null when its
 * end is something no shell execs: a pipeline, a loop, a background job. `through` are the
 * compound commands whose last commands count: BusyBox ash execs through subshells too, while an
 * `exec` in a subshell of another shell only replaces the subshell.
 */
function tails(list, through) {
    const last = list[list.length - 1];
    if (last === undefined || last.background)
        return null;
    const pipeline = last.pipelines[last.pipelines.length - 1];
    const command = pipeline?.commands.length === 1 && !pipeline.negated ? pipeline.commands[0] : undefined;
    if (command === undefined)
        return null;
    if (command.kind === 'simple')
        return [command];
    if (!through.has(command.kind))
        return null;
    const out = [];
    for (const body of command.bodies) {
        const t = body.length === 0 ? [] : tails(body, through);
        if (t === null)
            return null;
        out.push(...t);
    }
    return out.length === 0 ? null : out;
}
/** Where BusyBox ash execs the command it runs last. */
const ASH_TAILS = new Set(['group', 'subshell', 'if', 'case']);
/** Where an explicit `exec` replaces the shell itself. */
const EXEC_TAILS = new Set(['group', 'if', 'case']);
const startsWithExec = (c) => c.words[0]?.text === 'exec' && !c.words[0].quoted;
/** Whether /bin/sh on this base replaces itself with the command (so the program is PID 1). */
function shellExecs(list, base) {
    if (base === 'ash')
        return tails(list, ASH_TAILS) !== null;
    if (base === 'bash') {
        const only = list.length === 1 && list[0]?.pipelines.length === 1 ? list[0].pipelines[0] : undefined;
        const c = only?.commands.length === 1 && !only.negated ? only.commands[0] : undefined;
        return c?.kind === 'simple' && c.redirects.length === 0 && c.words.length > 0;
    }
    return false;
}
/** What in a simple command needs a shell, or null when exec form can say the same. */
function shellFeature(c) {
    if (c.redirects.length > 0)
        return 'a redirection';
    if (c.words.some((w) => w.expands))
        return 'a variable';
    if (c.words.some((w) => w.globs || w.text.startsWith('~')))
        return 'a glob';
    return null;
}
const json = (words) => `[${words.map((w) => JSON.stringify(w)).join(', ')}]`;
function why(base, program) {
    switch (base) {
        case 'dash':
            return `/bin/sh here is dash, which stays PID 1 and does not pass SIGTERM to ${program}, so docker stop waits 10 s and then kills it`;
        case 'bash':
            return `/bin/sh (bash) stays PID 1 for this command line and does not pass SIGTERM to ${program}, so docker stop waits 10 s and then kills it`;
        case 'ash':
            return `the shell stays PID 1 for a pipeline, a loop or a background job and does not pass SIGTERM to ${program}, so docker stop waits 10 s and then kills it`;
        default:
            return `/bin/sh stays PID 1 unless it execs the command (Debian's dash does not) and does not pass SIGTERM to ${program}, so docker stop may wait 10 s and then kill it`;
    }
}
/** The finding for a shell-form CMD or ENTRYPOINT, or null when the program gets signals anyway. */
function json_args_recommended_check(ins, stage, base) {
    const list = parseShell(ins.args.join(' '));
    const ends = tails(list, EXEC_TAILS);
    if (ends !== null && ends.every(startsWithExec))
        return null;
    if (base !== 'none' && shellExecs(list, base))
        return null;
    const kw = ins.keyword;
    const single = list.length === 1 && list[0]?.pipelines.length === 1 && list[0].pipelines[0]?.commands.length === 1 ? list[0].pipelines[0].commands[0] : undefined;
    const plain = single?.kind === 'simple' && single.words.length > 0 && shellFeature(single) === null ? single : null;
    if (base === 'none') {
        const image = stage.base.kind === 'scratch' ? 'scratch' : 'this base image';
        return plain === null
            ? `${kw} in shell form runs /bin/sh -c, and there is no /bin/sh in ${image}: the container cannot start; write it in exec form without shell features, or run it from a script in an image that has a shell`
            : `${kw} in shell form runs /bin/sh -c, and there is no /bin/sh in ${image}: the container cannot start; write ${kw} ${json(plain.words.map((w) => w.text))}`;
    }
    // The program that should get the signals: the one run last, or the head of a final pipeline.
    const lastPipeline = list[list.length - 1]?.pipelines.at(-1);
    const head = lastPipeline?.commands[0];
    const named = ends?.map(programOf).find((p) => p !== '') ?? (head?.kind === 'simple' ? programOf(head) : '');
    const program = named === '' ? 'the program' : named;
    const reason = `${kw} in shell form runs under /bin/sh -c; ${why(base, program)}`;
    if (plain !== null) {
        const exec = json(plain.words.map((w) => w.text));
        // `VAR=value cmd`: the variable goes to ENV.
        return plain.assignments.length > 0 ? `${reason}: write ENV ${plain.assignments.map((a) => a.raw).join(' ')} and ${kw} ${exec}` : `${reason}: write ${kw} ${exec}`;
    }
    if (ends !== null) {
        const feature = single?.kind === 'simple' ? shellFeature(single) : null;
        const needs = feature !== null ? `for ${feature}` : 'for this command line';
        return `${reason}: shell form is needed ${needs}, so put exec before ${ends.length > 1 ? 'the command of each branch' : program} (… exec ${program} …) to let it replace the shell`;
    }
    return `${reason}: a pipeline, loop or background job cannot replace the shell; run it from a script that ends with exec, or run the container with --init so an init process forwards signals`;
}
const jsonArgsRecommended = {
    meta: {
        id: 'json-args-recommended',
        title: 'CMD or ENTRYPOINT in shell form in the shipped image',
        severity: 'warning',
        category: 'correctness',
        scope: 'ships',
        equivalents: { hadolint: 'DL3025', buildkit: 'JSONArgsRecommended' }
    },
    check: ({ model }) => model.stages.flatMap((stage) => stage.instructions.flatMap((ins) => {
        if ((ins.keyword !== 'CMD' && ins.keyword !== 'ENTRYPOINT') || ins.form !== 'shell' || ins.args.length === 0)
            return [];
        // A SHELL (here or inherited) makes shell form deliberate, as for BuildKit; PowerShell and cmd are not sh.
        const shell = stageShell(model, stage.index, ins.line);
        if (!shell.posix || shell.argv !== null)
            return [];
        const message = json_args_recommended_check(ins, stage, shell.base);
        return message === null ? [] : [{ line: ins.line, endLine: ins.endLine, message, stage: stage.index }];
    }))
};

;// CONCATENATED MODULE: ./src/rules/legacy-key-value-format.ts
const legacyKeyValueFormat = {
    meta: {
        id: 'legacy-key-value-format',
        title: 'ENV or LABEL written as "key value" instead of key=value',
        // BuildKit warns; it is style, and it is on half of all real files, so it is information here.
        severity: 'info',
        category: 'style',
        scope: 'all',
        equivalents: { hadolint: null, buildkit: 'LegacyKeyValueFormat' }
    },
    check: ({ model }) => model.stages.flatMap((stage) => stage.instructions
        .filter((i) => (i.keyword === 'ENV' || i.keyword === 'LABEL') && i.args.length > 0 && !i.args[0].includes('='))
        .map((i) => ({ line: i.line, message: `${i.keyword} ${i.args[0] ?? ''} … uses the legacy "key value" form, where the value runs to the end of the line: write ${i.keyword} ${i.args[0] ?? ''}="…"`, stage: stage.index })))
};

;// CONCATENATED MODULE: ./src/rules/maintainer-deprecated.ts
const maintainerDeprecated = {
    meta: {
        id: 'maintainer-deprecated',
        title: 'MAINTAINER is deprecated',
        severity: 'warning',
        category: 'style',
        scope: 'all',
        equivalents: { hadolint: 'DL4000', buildkit: 'MaintainerDeprecated' }
    },
    check: ({ model }) => model.stages.flatMap((s) => s.instructions
        .filter((i) => i.keyword === 'MAINTAINER')
        .map((i) => ({ line: i.line, message: 'MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors="…"', stage: s.index })))
};

;// CONCATENATED MODULE: ./src/rules/missing-dockerignore.ts

const missingDockerignore = {
    meta: {
        id: 'missing-dockerignore',
        title: 'The whole context is copied and there is no .dockerignore',
        severity: 'warning',
        category: 'cache',
        scope: 'all',
        equivalents: { hadolint: null, buildkit: null },
        about: 'file'
    },
    check: ({ model, buildContext }) => {
        if (buildContext === undefined || buildContext.dockerignore !== null || !contextLooksReal(model, buildContext))
            return [];
        const copy = model.stages.flatMap((s) => s.instructions).find((i) => isContextCopy(i) && (i.copy?.sources ?? []).some((s) => s === '.' || s === './'));
        if (copy === undefined)
            return [];
        return [{ line: copy.line, message: 'this copies the whole build context and there is no .dockerignore next to the Dockerfile: .git, node_modules, build output and local .env files go into the build (and its cache); add a .dockerignore', stage: copy.stage }];
    }
};

;// CONCATENATED MODULE: ./src/rules/missing-healthcheck.ts
/** Judged on the shipped image, and only for services (it EXPOSEs a port). */


/** The first port an EXPOSE names, as a number, or null (`$PORT`). */
function firstPort(expose) {
    for (const ins of expose)
        for (const a of ins.args)
            if (/^\d+(?:\/tcp)?$/.test(a))
                return a.replace('/tcp', '');
    return null;
}
/** Ports that conventionally serve HTTP; others may speak FastCGI (9000), gRPC, SSH, SOCKS, … */
const HTTP_PORTS = new Set(['80', '3000', '4000', '5000', '8000', '8008', '8080', '8081', '8088', '8888', '9090']);
/** A HEALTHCHECK that works on this base: its shell and HTTP client, or an exec-form probe where there is neither. */
function probeFor(chain, root, port) {
    const url = `http://localhost:${port}/`;
    if (chain[0]?.base.kind === 'scratch')
        return 'a scratch image has no shell or HTTP client: use an exec-form HEALTHCHECK that runs a probe built into the app or copied into the image';
    if (root === null)
        return null;
    if (!HTTP_PORTS.has(port))
        return `port ${port} may not speak HTTP: run a client for its protocol (the app's own health command, or a probe such as grpc_health_probe for gRPC)`;
    const image = root.base.image ?? '';
    const tag = root.base.tag ?? '';
    const shellless = distroless(image) !== null || image.startsWith('cgr.dev/') || tag.includes('chiseled') || tag.includes('distroless');
    if (shellless)
        return 'this base has no shell, curl or wget: use an exec-form HEALTHCHECK that runs a probe built into the app or copied into the image';
    const ref = parseImageReference(root.base.resolved);
    const repo = ref === null ? '' : canonicalRepository(ref);
    if (repo === 'docker.io/library/node')
        return `e.g. HEALTHCHECK CMD node -e "fetch('${url}').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))" (Node 18+)`;
    if (repo === 'docker.io/library/python')
        return `e.g. HEALTHCHECK CMD python -c "import urllib.request; urllib.request.urlopen('${url}')"`;
    // busybox wget is in alpine and busybox images; curl is not.
    if (repo === 'docker.io/library/alpine' || repo === 'docker.io/library/busybox' || /(?:^|-)alpine/.test(tag))
        return `e.g. HEALTHCHECK CMD wget -q --spider ${url} || exit 1 (busybox wget)`;
    return `e.g. HEALTHCHECK CMD curl -fsS ${url} || exit 1, if curl is in the image (slim images have neither curl nor wget)`;
}
const missingHealthcheck = {
    meta: {
        id: 'missing-healthcheck',
        title: 'A shipped service has no HEALTHCHECK',
        severity: 'info',
        category: 'correctness',
        scope: 'ships',
        equivalents: { hadolint: 'DL3057', buildkit: null },
        about: 'file'
    },
    check: ({ model, graph }) => {
        if (graph.target === null)
            return [];
        const chain = stageChain(model, graph.target);
        const all = chain.flatMap((s) => s.instructions);
        const expose = all.filter((i) => i.keyword === 'EXPOSE');
        if (expose.length === 0 || all.some((i) => i.keyword === 'HEALTHCHECK'))
            return [];
        const target = model.stages[graph.target];
        if (target === undefined)
            return [];
        const port = firstPort(expose);
        const advice = port === null ? null : probeFor(chain, rootImage(model, graph.target), port);
        const probe = advice === null ? '' : `; ${advice}`;
        return [{ line: target.line, message: `the shipped image serves a port but has no HEALTHCHECK, so docker and compose cannot tell a hung service from a healthy one${probe}`, stage: target.index }];
    }
};

;// CONCATENATED MODULE: ./src/rules/multiple-instructions.ts
function multipleRule(keyword, id, hadolint) {
    return {
        meta: {
            id,
            title: `A stage has more than one ${keyword}`,
            severity: 'warning',
            category: 'correctness',
            scope: 'all',
            equivalents: { hadolint, buildkit: 'MultipleInstructionsDisallowed' }
        },
        check: ({ model }) => model.stages.flatMap((stage) => {
            const found = stage.instructions.filter((i) => i.keyword === keyword);
            const last = found[found.length - 1];
            return found.slice(0, -1).map((i) => ({
                line: i.line,
                endLine: i.endLine,
                message: `this ${keyword} has no effect: the ${keyword} on line ${last?.line ?? '?'} of the same stage replaces it`,
                stage: stage.index
            }));
        })
    };
}

;// CONCATENATED MODULE: ./src/rules/multiple-cmd.ts

const multipleCmd = multipleRule('CMD', 'multiple-cmd', 'DL4003');

;// CONCATENATED MODULE: ./src/rules/multiple-entrypoint.ts

const multipleEntrypoint = multipleRule('ENTRYPOINT', 'multiple-entrypoint', 'DL4004');

;// CONCATENATED MODULE: ./src/rules/multiple-healthcheck.ts

const multipleHealthcheck = multipleRule('HEALTHCHECK', 'multiple-healthcheck', 'DL3012');

;// CONCATENATED MODULE: ./src/rules/no-empty-continuation.ts
const noEmptyContinuation = {
    meta: {
        id: 'no-empty-continuation',
        title: 'An empty line inside a continued instruction',
        severity: 'warning',
        category: 'style',
        scope: 'all',
        equivalents: { hadolint: null, buildkit: 'NoEmptyContinuation' }
    },
    check: ({ model }) => model.instructions
        .filter((i) => i.emptyContinuationLines.length > 0)
        .map((i) => ({
        line: i.endLine,
        message: `line ${i.emptyContinuationLines.join(', ')} is empty inside this ${i.keyword}: it still continues the instruction, which a future Dockerfile syntax will reject; remove the empty line`,
        stage: i.stage < 0 ? null : i.stage
    }))
};

;// CONCATENATED MODULE: ./src/rules/parse-error.ts
const parseError = {
    meta: {
        id: 'parse-error',
        title: 'The Dockerfile cannot be read as written',
        severity: 'error',
        category: 'correctness',
        scope: 'all',
        equivalents: { hadolint: null, buildkit: null }
    },
    check: ({ model }) => model.errors.map((e) => ({ line: e.line, endLine: e.endLine, message: e.message, stage: null }))
};

;// CONCATENATED MODULE: ./src/rules/pip-cache.ts


const pipCache = {
    meta: {
        id: 'pip-cache',
        title: 'pip install keeps its download cache in a shipped layer',
        severity: 'warning',
        category: 'size',
        scope: 'ships',
        equivalents: { hadolint: 'DL3042', buildkit: null }
    },
    check: ({ model }) => model.stages.flatMap((stage) => runs(stage).flatMap((run) => {
        if (run.scope.has('PIP_NO_CACHE_DIR') || hasCacheMount(run, ['/root/.cache/pip']))
            return [];
        const offending = runInstalls(run).find((p) => p.manager === 'pip' && !p.command.args.includes('--no-cache-dir'));
        if (offending === undefined)
            return [];
        return [{ line: run.line, endLine: run.endLine, message: 'pip install without --no-cache-dir keeps downloaded wheels in the shipped image: add --no-cache-dir (or ENV PIP_NO_CACHE_DIR=1)', stage: stage.index }];
    }))
};

;// CONCATENATED MODULE: ./src/rules/pipefail.ts
/**
 * `a | b` fails only if b fails, unless the shell runs with -o pipefail. Reported only where a
 * failure can really go unseen: a program that can fail, feeding commands that do not reject
 * the empty (or cut) input a failure leaves them.
 */




/**
 * Programs that cannot fail in a way pipefail would catch: their output is a constant or a fact
 * (a failing `$(…)` in their arguments is not seen by pipefail either). `yes` only ever stops on
 * SIGPIPE, which pipefail would turn into a failure.
 */
const CANNOT_FAIL = new Set(['echo', 'printf', 'true', ':', 'yes', 'pwd', 'uname', 'arch', 'nproc', 'id', 'whoami', 'date']);
/** Directories present on every Linux image (and the working directory): `find` over them does not fail. */
const SYSTEM_DIRS = new Set(['.', '/', '/usr', '/usr/local', '/usr/lib', '/usr/share', '/usr/bin', '/etc', '/var', '/lib', '/bin', '/sbin']);
/** Programs that fail when given no operand (as `xargs` without -r runs them on empty input). */
const NEED_OPERANDS = new Set(['rm', 'cp', 'mv', 'chmod', 'chown', 'chgrp', 'ln', 'mkdir', 'rmdir', 'touch']);
/** Programs that fetch over the network, and so can stop half-way. */
const pipefail_DOWNLOADERS = new Set(['curl', 'wget', 'aria2c', 'fetch']);
const args = (c) => commandWords(c).slice(1).map((w) => w.text);
/** The first word's program as written, wrappers included (`xargs` in `xargs -r rm`). */
const firstProgram = (c) => {
    const w = c.words[0]?.text ?? '';
    return w.slice(w.lastIndexOf('/') + 1);
};
/**
 * Text filters: after the first command of a pipeline they read the pipe, so they fail only if
 * their own script is wrong. `xargs` fails when a command it runs on the piped words does, which
 * idioms such as `… | xargs -r dpkg-query --search | … | xargs -r apt-mark manual` rely on; a
 * `tee` in the middle passes the data on whatever happens to its file.
 */
const FILTERS = new Set(['awk', 'gawk', 'mawk', 'nawk', 'sed', 'tr', 'sort', 'uniq', 'cut', 'head', 'tail', 'wc', 'tac', 'rev', 'fold', 'nl', 'paste', 'column', 'grep', 'egrep', 'fgrep', 'jq', 'xargs', 'tee']);
/** The program in `c` whose failure a pipe would hide, or null when nothing in it can fail. */
function failingProgram(c, position, written) {
    if (c.kind !== 'simple') {
        // A group, subshell or loop fails through the commands in its bodies; conditions are tests.
        for (const inner of c.bodies.flatMap((l) => l.flatMap((a) => a.pipelines.flatMap((p) => p.commands)))) {
            const f = failingProgram(inner, 0, written);
            if (f !== null)
                return f;
        }
        return null;
    }
    const program = programOf(c);
    if (program === '' || CANNOT_FAIL.has(program) || (position > 0 && (FILTERS.has(program) || FILTERS.has(firstProgram(c)))))
        return null;
    const operands = args(c).filter((a) => !a.startsWith('-'));
    // `cat` with no file (`cat <<EOF | …`) prints what it is given.
    if (program === 'cat' && operands.length === 0)
        return null;
    if (program === 'env' && operands.length === 0)
        return null;
    if (listsPackages(program, args(c)))
        return null;
    // Reading a file this RUN has just written (`… > list; tac list | …`) does not fail.
    if (operands.some((o) => written.has(o)))
        return null;
    if (program === 'find') {
        const paths = leadingPaths(args(c));
        if (paths.length > 0 && paths.every((p) => SYSTEM_DIRS.has(p === '/' ? p : trimTrailingSlashes(p))))
            return null;
    }
    return program;
}
/** A query of the whole package database (`dpkg -l`, `rpm -qa`, `apk info`, `apt-mark showmanual`): it does not fail on a working image. */
function listsPackages(program, words) {
    const operands = words.filter((w) => !w.startsWith('-'));
    if (program === 'dpkg')
        return operands.length === 0 && words.some((w) => w === '-l' || w === '--list' || w === '--print-architecture' || w === '--get-selections');
    if (program === 'rpm')
        return operands.length === 0 && words.some((w) => /^-q[a-zA-Z]*a/.test(w) || w === '--all');
    if (program === 'apk')
        return operands.length === 1 && operands[0] === 'info';
    if (program === 'apt-mark')
        return operands.length === 1 && /^show/.test(operands[0]);
    return false;
}
/** The start points of a find command: the words before its first expression. */
function leadingPaths(words) {
    const out = [];
    for (const w of words) {
        if (w.startsWith('-') || w === '(' || w === '!' || w === '\\(')
            break;
        out.push(w);
    }
    return out;
}
const hasFlag = (words, short, long) => words.some((w) => long.includes(w) || (/^-[A-Za-z]+$/.test(w) && w.includes(short)));
/** `tar` that extracts and decompresses: gzip, xz, bzip2 and zstd reject an empty or cut stream. */
function tarMode(words) {
    // The first word may be an old-style bundle without a dash: `tar xzf -`.
    const bundle = words[0] !== undefined && /^[A-Za-z]+$/.test(words[0]) ? words[0] : '';
    const flags = words.filter((w) => /^-[A-Za-z]+$/.test(w)).join('') + bundle;
    const extracts = flags.includes('x') || words.includes('--extract') || words.includes('--get');
    const decompresses = /[zJjZ]/.test(flags) || words.some((w) => /^--(?:gzip|gunzip|ungzip|xz|bzip2|zstd|lzma|lzip|lzop|use-compress-program)(?:=|$)/.test(w)) || words.includes('-I');
    return { extracts, decompresses };
}
/**
 * Whether a command fails when the program before it fails: on empty input, and on input cut
 * half-way when `cut` (a download). Checked: sha256sum -c, gpg --import/--dearmor, apt-key add,
 * tar -xz and gunzip exit non-zero on both; grep and plain tar -x on empty input only.
 */
function rejectsFailedInput(c, cut) {
    if (c.kind !== 'simple')
        return false;
    const program = programOf(c);
    const words = args(c);
    if (/^(?:md5|sha1|sha224|sha256|sha384|sha512|b2)sum$/.test(program) || program === 'shasum')
        return hasFlag(words, 'c', ['--check']);
    if (program === 'gpg' || program === 'gpg2')
        return words.some((w) => w === '--import' || w === '--dearmor' || w === '--dearmour');
    if (program === 'apt-key')
        return words.includes('add');
    if (program === 'tar') {
        const mode = tarMode(words);
        return mode.extracts && (mode.decompresses || !cut);
    }
    if (/^(?:gunzip|zcat|unxz|xzcat|unlzma|bunzip2|bzcat|unzstd|zstdcat)$/.test(program))
        return true;
    if (/^(?:gzip|xz|bzip2|zstd|lzma)$/.test(program))
        return hasFlag(words, 'd', ['--decompress', '--uncompress']);
    if (program === 'grep' || program === 'egrep' || program === 'fgrep')
        return !cut;
    // Without -r, xargs runs the command once with no operands, and these fail then.
    if (firstProgram(c) === 'xargs') {
        const own = c.words.slice(1).map((w) => w.text);
        const end = own.findIndex((w) => !w.startsWith('-'));
        // `rm -f` with no operand succeeds.
        const forced = program === 'rm' && hasFlag(words, 'f', ['--force']);
        return !cut && !hasFlag(end < 0 ? own : own.slice(0, end), 'r', ['--no-run-if-empty']) && NEED_OPERANDS.has(program) && !forced;
    }
    return false;
}
/** The first program in the pipeline whose failure the commands after it would not show. */
function hiddenFailure(p, written) {
    for (let i = 0; i < p.commands.length - 1; i++) {
        const program = failingProgram(p.commands[i], i, written);
        if (program === null)
            continue;
        const after = p.commands.slice(i + 1);
        if (after.every((c) => rejectsFailedInput(c, pipefail_DOWNLOADERS.has(program))))
            continue;
        const last = p.commands[p.commands.length - 1];
        // `xargs protoc`, `env FOO=1 bash`: the wrapper and what it runs.
        const named = last.kind === 'simple' ? [firstProgram(last), programOf(last)].filter((n, k, all) => n !== '' && all.indexOf(n) === k).join(' ') : commandsWithin(last).map(programOf).find((n) => n !== '');
        const lastName = named === undefined || named === '' ? 'the last command' : named;
        return { program, shape: `${program} | ${p.commands.length > 2 || i > 0 ? '… | ' : ''}${lastName}` };
    }
    return null;
}
/** Files a command writes: its `>`/`>>` targets, and what curl -o or wget -O saves. */
function writtenFiles(c) {
    const out = c.redirects.filter((r) => (r.op === '>' || r.op === '>>' || r.op === '>|') && r.target !== null).map((r) => r.target.text);
    const program = programOf(c);
    const words = args(c);
    const flags = program === 'curl' ? ['-o', '--output'] : program === 'wget' ? ['-O', '--output-document'] : [];
    words.forEach((w, i) => {
        if (flags.includes(w) && words[i + 1] !== undefined)
            out.push(words[i + 1]);
    });
    return out;
}
/** `set -o pipefail` (or `set -eo pipefail`, `set -euxo pipefail`). */
function setsPipefail(c) {
    if (c.kind !== 'simple' || programOf(c) !== 'set')
        return false;
    const words = args(c);
    return words.some((w, i) => w === 'pipefail' && i > 0 && /^[-+][A-Za-z]*o$/.test(words[i - 1]));
}
/** SHELL ["/bin/bash", "-o", "pipefail", "-c"] or ["/bin/ash", "-eo", "pipefail", "-c"]. */
const shellHasPipefail = (argv) => argv.some((w, i) => w === 'pipefail' && i > 0 && /^-[A-Za-z]*o$/.test(argv[i - 1]));
/** A fix that works with the shell this stage has. */
function fix(shell) {
    const program = shell.argv?.[0];
    if (shell.argv !== null && program !== undefined && /(?:^|\/)(?:ba|a|z|k|mk)sh$/.test(program)) {
        return `add "-o", "pipefail" to the SHELL on line ${shell.line ?? '?'} (or start the RUN with set -o pipefail)`;
    }
    switch (shell.base) {
        case 'ash':
            return 'start the RUN with set -o pipefail (BusyBox ash has it), or add SHELL ["/bin/ash", "-eo", "pipefail", "-c"] before it; there is no bash here';
        case 'bash':
            return 'start the RUN with set -o pipefail (/bin/sh is bash here), or add SHELL ["/bin/bash", "-o", "pipefail", "-c"] before it';
        case 'dash':
            return 'add SHELL ["/bin/bash", "-o", "pipefail", "-c"] before it (/bin/sh here is dash, which has no pipefail)';
        default:
            return 'add SHELL ["/bin/bash", "-o", "pipefail", "-c"] before it if the image has bash, or start the RUN with set -o pipefail where its /bin/sh supports it';
    }
}
const pipefail = {
    meta: {
        id: 'pipefail',
        title: 'A RUN pipes without pipefail',
        severity: 'warning',
        category: 'correctness',
        scope: 'all',
        equivalents: { hadolint: 'DL4006', buildkit: null }
    },
    check: ({ model }) => model.stages.flatMap((stage) => {
        const reports = [];
        for (const ins of stage.instructions) {
            if (ins.keyword !== 'RUN' || ins.form !== 'shell' || !ins.raw.includes('|'))
                continue;
            const shell = stageShell(model, stage.index, ins.line);
            if (!shell.posix || (shell.argv !== null && shellHasPipefail(shell.argv)))
                continue;
            let protectedFrom = false;
            let found = null;
            const written = new Set();
            forEachPipeline(runSyntax(ins), (p, context) => {
                if (found !== null)
                    return;
                if (p.commands.some(setsPipefail))
                    protectedFrom = true;
                // A tested, substituted or ignored status is not what pipefail is about.
                if (!protectedFrom && p.commands.length > 1 && !context.tested && !context.substituted && !context.ignored)
                    found = hiddenFailure(p, written);
                for (const c of p.commands)
                    if (c.kind === 'simple')
                        for (const f of writtenFiles(c))
                            written.add(f);
            });
            const hidden = found;
            if (hidden === null)
                continue;
            reports.push({
                line: ins.line,
                endLine: ins.endLine,
                message: `${hidden.shape}: the RUN succeeds even if ${hidden.program} fails, because a pipeline has the status of its last command; ${fix(shell)}`,
                stage: stage.index
            });
        }
        return reports;
    })
};

;// CONCATENATED MODULE: ./src/rules/redundant-target-platform.ts
const redundantTargetPlatform = {
    meta: {
        id: 'redundant-target-platform',
        title: 'FROM --platform=$TARGETPLATFORM restates the default',
        severity: 'warning',
        category: 'style',
        scope: 'all',
        equivalents: { hadolint: null, buildkit: 'RedundantTargetPlatform' }
    },
    check: ({ model }) => model.stages
        .filter((s) => s.base.platform === '$TARGETPLATFORM' || s.base.platform === '${TARGETPLATFORM}')
        .map((s) => ({ line: s.line, message: '--platform=$TARGETPLATFORM is what FROM does anyway: remove the flag', stage: s.index }))
};

;// CONCATENATED MODULE: ./src/rules/reserved-stage-name.ts
const RESERVED = new Set(['scratch', 'context']);
const reservedStageName = {
    meta: {
        id: 'reserved-stage-name',
        title: 'A stage is named scratch or context',
        severity: 'warning',
        category: 'correctness',
        scope: 'all',
        equivalents: { hadolint: null, buildkit: 'ReservedStageName' }
    },
    check: ({ model }) => model.stages
        .filter((s) => s.id !== null && RESERVED.has(s.id))
        .map((s) => ({ line: s.line, message: `"${s.name}" is a reserved name (${s.id === 'scratch' ? 'the empty image' : 'the build context'}): FROM ${s.id} and --from=${s.id} would not mean this stage; rename it`, stage: s.index }))
};

;// CONCATENATED MODULE: ./src/rules/root-user.ts
/** Judged on the shipped image only: builders run as root by design. */



const ROOT = /^(?:root|0)(?::.*)?$/;
/**
 * Base images known to run as a non-root user by default: distroless `:nonroot` tags,
 * Chainguard (`cgr.dev`), the .NET chiseled and distroless images (`USER $APP_UID`),
 * Bitnami and the `-unprivileged` images.
 */
function baseRunsAsNonRoot(image, tag) {
    const t = tag ?? '';
    if (t.includes('nonroot'))
        return true;
    if (image.startsWith('cgr.dev/') && !t.includes('-dev') && t !== 'latest-dev')
        return true;
    if (image.startsWith('mcr.microsoft.com/dotnet/') && (t.includes('chiseled') || t.includes('distroless')))
        return true;
    if (image.startsWith('bitnami/') || image.startsWith('docker.io/bitnami/') || image.endsWith('-unprivileged'))
        return true;
    return false;
}
/** Windows images have no root: nanoserver runs as ContainerUser, servercore as ContainerAdministrator. */
function isWindowsImage(image, tag) {
    return image.startsWith('mcr.microsoft.com/windows') || /nanoserver|windowsservercore|ltsc20\d\d/.test(tag ?? '');
}
/**
 * Servers that start as root to bind their ports and switch their workers to an unprivileged
 * user themselves (nginx, Apache httpd, php-fpm, sshd): `USER` would break them.
 */
const SELF_DROPPING = /^(?:nginx|openresty|httpd|httpd-foreground|apache2|apache2-foreground|apache2ctl|php-fpm[\d.]*|sshd)$/;
/** Official images whose default command is such a server. */
const SELF_DROPPING_BASES = new Set(['docker.io/library/nginx', 'docker.io/library/httpd', 'docker.io/openresty/openresty']);
/** Tools an entrypoint uses to drop from root to the service's user (the official images' pattern). */
const DROP_TOOLS = /^(?:gosu|su-exec|setpriv|chpst|s6-setuidgid|runuser)$/;
const root_user_programOf = (ins) => {
    const first = (ins?.form === 'json' ? ins.json?.[0] : ins?.args[0]) ?? '';
    return first.slice(first.lastIndexOf('/') + 1);
};
/** The service drops root itself: a self-dropping server runs, or the image installs or runs gosu/su-exec. */
function dropsPrivileges(model, target, root) {
    const chain = stageChain(model, target);
    const started = [effectiveInstruction(model, target, 'ENTRYPOINT'), effectiveInstruction(model, target, 'CMD')].map(root_user_programOf);
    if (started.some((p) => SELF_DROPPING.test(p) || DROP_TOOLS.test(p)))
        return true;
    if (started.every((p) => p === '') && root !== null) {
        const ref = parseImageReference(root.base.resolved);
        const repo = ref === null ? '' : canonicalRepository(ref);
        if (SELF_DROPPING_BASES.has(repo) || (repo === 'docker.io/library/php' && /fpm|apache/.test(ref?.tag ?? '')))
            return true;
    }
    return chain.some((s) => s.instructions.some((ins) => runCommands(ins).some((c) => DROP_TOOLS.test(c.program) || c.args.some((a) => /(?:^|\/)(?:gosu|su-exec)(?:[-.]|$)/.test(a)))));
}
/** The fix that works on this base: the user it already has, or a nonroot variant. */
function nonRootAdvice(root) {
    const image = root?.base.image ?? '';
    if (distroless(image) !== null)
        return `use the :nonroot tag of ${image} (uid 65532)`;
    const ref = root === null ? null : parseImageReference(root.base.resolved);
    const repo = ref === null ? '' : canonicalRepository(ref);
    if (repo === 'docker.io/library/node')
        return 'add USER node (the node image has that user) after the steps that need root';
    if (image.startsWith('mcr.microsoft.com/dotnet/'))
        return 'add USER $APP_UID (the .NET 8+ images define that user) after the steps that need root';
    return 'create an unprivileged user (adduser or useradd) and switch to it with USER after the steps that need root';
}
const rootUser = {
    meta: {
        id: 'root-user',
        title: 'The shipped image runs as root',
        severity: 'warning',
        category: 'security',
        scope: 'ships',
        equivalents: { hadolint: 'DL3002', buildkit: null },
        about: 'file'
    },
    check: ({ model, graph }) => {
        if (graph.target === null)
            return [];
        const target = model.stages[graph.target];
        if (target === undefined)
            return [];
        const root = rootImage(model, graph.target);
        if (root !== null && isWindowsImage(root.base.image ?? '', root.base.tag))
            return [];
        if (dropsPrivileges(model, graph.target, root))
            return [];
        const user = effectiveInstruction(model, graph.target, 'USER');
        if (user !== null) {
            const value = user.args.join(' ');
            if (!ROOT.test(value))
                return [];
            return [{ line: user.line, message: `the shipped image runs as ${value}: ${nonRootAdvice(root)}`, stage: user.stage }];
        }
        if (root !== null && baseRunsAsNonRoot(root.base.image ?? '', root.base.tag))
            return [];
        // Without an explicit USER, only network services are reported: base images, tools and
        // desktop apps run as root on purpose, and the base image may set a user we cannot see.
        const exposes = stageChain(model, graph.target).some((s) => s.instructions.some((i) => i.keyword === 'EXPOSE'));
        if (!exposes)
            return [];
        return [
            {
                line: target.line,
                message: `the shipped image serves a port but has no USER, so it runs as root unless the base image sets a user: ${nonRootAdvice(root)}`,
                stage: target.index,
                severity: 'info'
            }
        ];
    }
};

;// CONCATENATED MODULE: ./src/rules/run-cd.ts
/** A RUN that starts with `cd DIR && …`: WORKDIR DIR says it once for this and the following instructions. */




/** A scratch directory: WORKDIR would keep the build in it for every instruction after. */
const TEMPORARY = /^(?:\/tmp|\/var\/tmp|\/dev\/shm|\$\{?TMPDIR\b)/;
/** The directory of the `cd` a script starts with, when more commands follow it, or null. */
function leadingCd(list) {
    const first = list[0];
    const command = first?.pipelines[0]?.commands.length === 1 ? first.pipelines[0].commands[0] : undefined;
    if (command?.kind !== 'simple' || programOf(command) !== 'cd' || command.redirects.length > 0)
        return null;
    if (list.length < 2 && (first?.pipelines.length ?? 0) < 2)
        return null;
    // `cd -P dir`, `cd -L dir`; a bare `cd` goes home.
    return command.words.slice(1).find((w) => !w.text.startsWith('-') || w.text === '-') ?? null;
}
/** Whether the script deletes the directory (or empties it) later: then it is a scratch directory too. */
function removesLater(list, dir, absolute, cwd) {
    const targets = new Set([trimTrailingSlashes(dir), absolute]);
    return simpleCommands(list).some((c) => programOf(c) === 'rm' &&
        c.words.slice(1).some((w) => {
            const path = trimTrailingSlashes(w.text.replace(/\/\*$/, ''));
            return targets.has(path) || (path.startsWith('/') && targets.has(resolvePath(cwd, path)));
        }));
}
const runCd = {
    meta: {
        id: 'run-cd',
        title: 'RUN cd … instead of WORKDIR',
        severity: 'info',
        category: 'style',
        scope: 'all',
        equivalents: { hadolint: 'DL3003', buildkit: null }
    },
    check: ({ model }) => model.stages.flatMap((s) => {
        const candidates = s.instructions.filter((i) => i.keyword === 'RUN' && i.form === 'shell' && runCommands(i)[0]?.name === 'cd' && posixShell(model, s.index, i.line));
        if (candidates.length === 0)
            return [];
        const dirs = workdirs(model, s.index);
        return candidates.flatMap((i) => {
            const list = runSyntax(i);
            const dir = leadingCd(list);
            // `cd "$(mktemp -d)"`, `cd -` and scratch directories are not where the next instruction should be;
            // a relative `cd sub` is a step inside the current directory, which the next instructions still want.
            if (dir === null || dir.substitutions.length > 0 || !/^[/$]/.test(dir.text) || TEMPORARY.test(dir.text))
                return [];
            const cwd = dirs.get(i) ?? '/';
            const absolute = dir.expands ? dir.text : resolvePath(cwd, dir.text);
            if (TEMPORARY.test(absolute) || removesLater(list, dir.text, absolute, cwd))
                return [];
            const message = absolute === cwd
                ? `a RUN that starts with cd ${dir.raw}: the WORKDIR is already ${cwd}, so the cd is not needed`
                : `a RUN that starts with cd ${dir.raw}: put WORKDIR ${absolute} before it instead; WORKDIR creates the directory and keeps it for the instructions after, so each RUN need not cd there again`;
            return [{ line: i.line, endLine: i.endLine, message, stage: s.index }];
        });
    })
};

;// CONCATENATED MODULE: ./src/rules/run-sudo.ts
/** sudo run by a RUN: only sudo in command position counts (`apt-get install sudo` installs it, it does not run it). */



/** sudo's options that take a value. */
const SUDO_VALUED = new Set(['-u', '--user', '-g', '--group', '-C', '--close-from', '-D', '--chdir', '-h', '--host', '-p', '--prompt', '-r', '--role', '-t', '--type', '-U', '--other-user', '-T', '--command-timeout']);
/** What sudo runs: the first word after its options (`sudo -u app npm ci` → npm), or ''. */
function sudoTarget(words) {
    let i = 1;
    while (i < words.length) {
        const w = words[i];
        if (w === '--')
            return words[i + 1] ?? '';
        if (!w.startsWith('-'))
            return w;
        i += SUDO_VALUED.has(w) ? 2 : 1;
    }
    return '';
}
/** The user a RUN at `line` runs as: the last USER before it in the stage or the stages it is built FROM, or null (root). */
function userAt(model, index, line) {
    let user = null;
    for (const stage of stageChain(model, index)) {
        for (const ins of stage.instructions)
            if (ins.keyword === 'USER' && (stage.index !== index || ins.line < line))
                user = ins.args[0] ?? null;
    }
    return user === null || /^(?:root|0)(?::|$)/.test(user) ? null : user;
}
/** The program a RUN runs with sudo, or null when it runs no sudo. */
function sudoRun(run) {
    if (run.form === 'json') {
        const json = run.json ?? [];
        const first = json[0] ?? '';
        return first.slice(first.lastIndexOf('/') + 1) === 'sudo' ? sudoTarget(json) : null;
    }
    const command = simpleCommands(runSyntax(run)).find((c) => programOf(c) === 'sudo');
    return command === undefined ? null : sudoTarget(commandWords(command).map((w) => w.text));
}
const runSudo = {
    meta: {
        id: 'run-sudo',
        title: 'sudo in RUN',
        severity: 'warning',
        category: 'security',
        scope: 'all',
        equivalents: { hadolint: 'DL3004', buildkit: null }
    },
    check: ({ model }) => model.stages.flatMap((s) => s.instructions.flatMap((i) => {
        if (i.keyword !== 'RUN' || !i.raw.includes('sudo') || !posixShell(model, s.index, i.line))
            return [];
        const target = sudoRun(i);
        if (target === null)
            return [];
        const what = target === '' ? 'sudo' : `sudo ${target}`;
        const user = userAt(model, s.index, i.line);
        const message = user === null
            ? `${what}: this RUN already runs as root (no USER before it), so sudo only adds a package and a sudoers entry: drop it`
            : `${what}: the RUN runs as ${user}, and sudo needs sudo installed and a sudoers entry, and hides which steps run as root: put USER root before the steps that need root and USER ${user} after them`;
        return [{ line: i.line, endLine: i.endLine, message, stage: s.index }];
    }))
};

;// CONCATENATED MODULE: ./src/rules/secret-file-copied.ts
/**
 * Credentials copied into an image stay in its layers, even if a later step deletes them. Judged
 * by file name; public material (certificates, public and signing keys, keyrings) is left alone.
 */


/** Names that are credentials by themselves; `strong: false` for files that often hold only settings. */
const NAMES = new Map([
    ['id_rsa', ['an SSH private key', true]],
    ['id_dsa', ['an SSH private key', true]],
    ['id_ecdsa', ['an SSH private key', true]],
    ['id_ed25519', ['an SSH private key', true]],
    ['.git-credentials', ['a git credentials file', true]],
    ['.netrc', ['a .netrc with login passwords', true]],
    ['.pypirc', ['a .pypirc with index passwords', true]],
    ['.dockercfg', ['a registry credentials file', true]],
    ['credentials.json', ['a credentials file', true]],
    ['secrets.json', ['a secrets file', true]],
    ['.env', ['an environment file, often with passwords and keys', false]],
    ['.npmrc', ['an .npmrc, which may hold a registry token', false]],
    ['kubeconfig', ['a kubeconfig, which may hold cluster credentials', false]],
    ['.htpasswd', ['an .htpasswd with password hashes', false]]
]);
/** `.env.example`, `.env.production.sample`, …: templates without values. */
const SAFE_ENV = /\.(?:example|sample|template|dist|defaults?)$/;
/** Extensions of key material, and the name parts that make such a file public material. */
const KEY_PARTS = ['public', 'pub', 'gpg', 'pgp', 'asc', 'keyring'];
const CERT_PARTS = [...KEY_PARTS, 'cert', 'certs', 'certificate', 'certificates', 'cacert', 'cacerts', 'ca', 'chain', 'fullchain', 'bundle', 'root', 'rootca'];
const STORE_PARTS = [...CERT_PARTS, 'trust', 'truststore'];
const EXTENSIONS = [
    // `ca.key` is the CA's private key: only public/gpg names make a .key public.
    { ext: '.key', what: 'a private key', strong: true, publicParts: KEY_PARTS },
    { ext: '.p12', what: 'a PKCS#12 bundle with a private key', strong: true, publicParts: [] },
    { ext: '.pfx', what: 'a PKCS#12 bundle with a private key', strong: true, publicParts: [] },
    // `cert.pem`, `fullchain.pem`, `ca-bundle.pem` are certificates; `server.pem` may be a key.
    { ext: '.pem', what: 'a PEM file, which may hold a private key', strong: false, publicParts: CERT_PARTS },
    { ext: '.jks', what: 'a Java keystore', strong: false, publicParts: STORE_PARTS },
    { ext: '.keystore', what: 'a keystore', strong: false, publicParts: STORE_PARTS }
];
const PRIVATE_PARTS = new Set(['private', 'priv', 'privkey', 'secret']);
/** Files in `.ssh/` that hold no private key. */
const PUBLIC_SSH_FILES = new Set(['known_hosts', 'authorized_keys', 'config']);
const nameParts = (base) => base.toLowerCase().split(/[-_.]+/);
/** The secret-looking file a source path names, or null. */
function secretFile(source) {
    // `ADD https://…/repo.key`: downloaded at build time from where anyone can fetch it.
    if (/^(?:https?|git|ssh):\/\/|^git@/i.test(source))
        return null;
    const path = trimTrailingSlashes(source);
    const base = path.slice(path.lastIndexOf('/') + 1);
    const named = NAMES.get(base);
    if (named !== undefined)
        return { file: base, what: named[0], strong: named[1] };
    if (base.startsWith('.env.') && !SAFE_ENV.test(base))
        return { file: base, what: 'an environment file, often with passwords and keys', strong: false };
    const ext = EXTENSIONS.find((e) => base.endsWith(e.ext));
    if (ext !== undefined) {
        const parts = nameParts(base);
        const privateByName = parts.some((p) => PRIVATE_PARTS.has(p));
        if (!privateByName && parts.some((p) => ext.publicParts.includes(p)))
            return null;
        return { file: base, what: privateByName ? 'a private key' : ext.what, strong: ext.strong || privateByName };
    }
    if (/(?:^|\/)\.aws\/credentials$/.test(path))
        return { file: path, what: 'AWS credentials', strong: true };
    if (/(?:^|\/)\.docker\/config\.json$/.test(path))
        return { file: path, what: 'a Docker config with registry credentials', strong: true };
    if (/(?:^|\/)\.ssh(?:\/|$)/.test(path) && !base.endsWith('.pub') && !PUBLIC_SSH_FILES.has(base))
        return { file: path, what: 'SSH keys', strong: true };
    return null;
}
/** Where public keys and CA certificates are installed: a file copied there is a keyring or a certificate. */
const PUBLIC_DESTINATIONS = ['/usr/share/keyrings', '/etc/apt/keyrings', '/etc/apt/trusted.gpg.d', '/etc/pki/rpm-gpg', '/usr/local/share/ca-certificates', '/etc/ssl/certs', '/etc/pki/ca-trust/source/anchors'];
const underPublicDestination = (destination) => destination !== null && PUBLIC_DESTINATIONS.some((d) => destination === d || destination.startsWith(`${d}/`));
/** `gpg --import f`, `gpg --verify f`, `apt-key add f`, `rpm --import f`: the file is a public key. */
function importedAsPublicKey(later, file) {
    const named = (a) => a === file || a.endsWith(`/${file}`);
    return later.some((ins) => runCommands(ins).some((c) => {
        const importing = (c.program.startsWith('gpg') && c.args.some((a) => a === '--import' || a === '--verify' || a === '--dearmor' || a === '--dearmour')) ||
            (c.program === 'apt-key' && c.subcommand === 'add') ||
            (c.program === 'rpm' && c.args.includes('--import'));
        return importing && c.args.some(named);
    }));
}
function severityOf(strong, ships) {
    if (ships)
        return strong ? 'error' : 'warning';
    return strong ? 'warning' : 'info';
}
function reportsFor(stage, ships) {
    return stage.instructions.flatMap((ins, index) => {
        if (ins.copy === undefined || underPublicDestination(ins.copy.destination))
            return [];
        const later = stage.instructions.slice(index + 1);
        const files = ins.copy.sources
            .map(secretFile)
            .filter((f) => f !== null && !importedAsPublicKey(later, f.file));
        if (files.length === 0)
            return [];
        const strong = files.some((f) => f.strong);
        const list = files.map((f) => `${f.file} (${f.what})`).join(', ');
        return [
            {
                line: ins.line,
                endLine: ins.endLine,
                message: ships
                    ? `${list} ${files.length > 1 ? 'are' : 'is'} copied into the shipped image, where anyone who pulls it can read it: use RUN --mount=type=secret (or ssh) instead`
                    : `${list} ${files.length > 1 ? 'are' : 'is'} copied into build stage ${stage.name ?? stage.index}: it stays in the build cache; use RUN --mount=type=secret (or ssh) instead`,
                stage: stage.index,
                severity: severityOf(strong, ships)
            }
        ];
    });
}
const secretFileCopied = {
    meta: {
        id: 'secret-file-copied',
        title: 'A credentials file is copied into the image',
        severity: 'error',
        category: 'security',
        scope: 'all',
        equivalents: { hadolint: null, buildkit: null }
    },
    check: ({ model, graph }) => model.stages.flatMap((s) => reportsFor(s, graph.roles[s.index] === 'ships'))
};

;// CONCATENATED MODULE: ./src/rules/secrets-in-arg-env.ts
/**
 * Secrets passed through ARG or ENV, judged by name (BuildKit's word list) and by value: public
 * material (URLs, paths, GPG fingerprints, .NET key/value pairs) is left alone, and only a value
 * that looks like a real credential makes it an error.
 */


/** Why a declaration looks secret, or null when it does not. */
function evidence(ins, v, siblings) {
    // A value that expands to nothing because it comes from a build arg (`ENV T=$T`) is that build arg's secret.
    const value = v.raw === null || (v.raw.includes('$') && (v.value ?? '') === '') ? null : (v.value ?? v.raw);
    if (value !== null) {
        const known = knownCredential(value);
        if (known !== null)
            return { why: `holds what looks like ${known}`, strong: true };
    }
    if (!looksSecret(v.name) || isConfigPairKey(v.name, siblings))
        return null;
    // `ARG NPM_TOKEN` with no default gets its value from --build-arg: that value is the secret.
    if (value === null)
        return { why: 'looks like a secret by its name', strong: false };
    // `ENV API_KEY=` stores nothing; a URL, a path or a fingerprint is public whatever the name.
    if (value.trim() === '' && ins.keyword === 'ENV')
        return null;
    if (value.trim() === '')
        return { why: 'looks like a secret by its name', strong: false };
    if (isPublicValue(v.name, value))
        return null;
    if (looksRandom(value))
        return { why: 'looks like a secret by its name and its value (a long random string)', strong: true };
    return { why: 'looks like a secret by its name', strong: false };
}
function where(keyword, ships) {
    if (!ships)
        return 'in a build stage it stays out of the shipped image but is kept in the build cache and history';
    return keyword === 'ENV' ? 'ENV values are stored in the shipped image for anyone who pulls it' : 'ARG values used by RUN are recorded in the image history of the shipped image';
}
function severity(strong, ships) {
    if (ships)
        return strong ? 'error' : 'warning';
    return strong ? 'warning' : 'info';
}
function secrets_in_arg_env_reportsFor(stage, ships) {
    const declarations = stage.instructions.filter((i) => (i.keyword === 'ARG' || i.keyword === 'ENV') && i.variables !== undefined);
    const siblings = new Set(declarations.flatMap((i) => (i.variables ?? []).map((v) => v.name)));
    return declarations.flatMap((ins) => (ins.variables ?? []).flatMap((v) => {
        const found = evidence(ins, v, siblings);
        if (found === null)
            return [];
        return [
            {
                line: ins.line,
                endLine: ins.endLine,
                message: `${ins.keyword} ${v.name} ${found.why}: ${where(ins.keyword, ships)}; pass it with RUN --mount=type=secret instead`,
                stage: stage.index,
                severity: severity(found.strong, ships)
            }
        ];
    }));
}
const secretsInArgEnv = {
    meta: {
        id: 'secrets-in-arg-env',
        title: 'A secret is passed through ARG or ENV',
        severity: 'warning',
        category: 'security',
        scope: 'all',
        equivalents: { hadolint: null, buildkit: 'SecretsUsedInArgOrEnv' }
    },
    check: ({ model, graph }) => model.stages.flatMap((s) => secrets_in_arg_env_reportsFor(s, graph.roles[s.index] === 'ships'))
};

;// CONCATENATED MODULE: ./src/rules/single-stage-build.ts
/** One stage that compiles and ships: the toolchain and the sources ship with the result. */


function compiles(c) {
    if (isCommand(c, 'go', 'build', 'install'))
        return `go ${operands(c)[0] ?? ''}`;
    if (isCommand(c, 'cargo', 'build', 'install'))
        return `cargo ${operands(c)[0] ?? ''}`;
    if ((c.name === 'mvn' || c.name.endsWith('/mvnw')) && c.args.some((a) => a === 'package' || a === 'install' || a === 'verify'))
        return 'mvn package';
    if ((c.name === 'gradle' || c.name.endsWith('/gradlew')) && c.args.some((a) => /^(?:build|assemble|bootJar|jar|installDist)$/.test(a)))
        return 'gradle build';
    if (isCommand(c, 'dotnet', 'publish', 'build'))
        return `dotnet ${operands(c)[0] ?? ''}`;
    if ((isCommand(c, 'npm', 'run') || isCommand(c, 'yarn', 'run') || isCommand(c, 'pnpm', 'run')) && operands(c)[1] === 'build')
        return `${c.name} run build`;
    if ((c.name === 'yarn' || c.name === 'pnpm') && operands(c)[0] === 'build')
        return `${c.name} build`;
    if (c.name === 'make' && !c.args.includes('install'))
        return 'make';
    return null;
}
const singleStageBuild = {
    meta: {
        id: 'single-stage-build',
        title: 'A single-stage Dockerfile compiles what it ships',
        severity: 'warning',
        category: 'structure',
        scope: 'ships',
        equivalents: { hadolint: null, buildkit: null },
        about: 'file'
    },
    check: ({ model }) => {
        const stage = model.stages[0];
        // An image built on a toolchain image (buildpack-deps, golang...) is a toolchain by design.
        if (model.stages.length !== 1 || stage === undefined || builtOnToolchain(model, 0))
            return [];
        for (const run of runs(stage)) {
            const commands = runCommands(run);
            // Building a runtime from source and dropping the toolchain in the same RUN ships only the result.
            if (dropsBuildDependencies(commands))
                continue;
            const build = commands.map(compiles).find((b) => b !== null);
            if (build !== undefined && build !== null) {
                return [{ line: run.line, endLine: run.endLine, message: `${build.trim()} runs in the only stage, so the compiler, the sources and the intermediate files ship with the result: build in a first stage (FROM … AS build) and COPY --from=build only the output into a small runtime stage`, stage: stage.index }];
            }
        }
        return [];
    }
};

;// CONCATENATED MODULE: ./src/rules/stage-forward-reference.ts

const stageForwardReference = graphProblemRule({
    id: 'stage-forward-reference',
    title: 'A stage uses a stage defined after it',
    severity: 'error',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: 'DL3022', buildkit: null }
}, (p, model) => `${p.what}=${p.value} refers to stage ${graph_problem_stageName(model, p.to)} defined later (line ${model.stages[p.to]?.line ?? '?'}); a stage can only use stages defined before it`);

;// CONCATENATED MODULE: ./src/rules/stage-index-out-of-range.ts

const stageIndexOutOfRange = graphProblemRule({
    id: 'stage-index-out-of-range',
    title: '--from names a stage index that does not exist',
    severity: 'error',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: 'DL3022', buildkit: null }
}, (p) => `${p.what}=${p.value}: there is no stage ${p.index} (the file has ${p.stageCount} stage${p.stageCount === 1 ? '' : 's'}, numbered from 0)`);

;// CONCATENATED MODULE: ./src/rules/stage-name-casing.ts
const stageNameCasing = {
    meta: {
        id: 'stage-name-casing',
        title: 'A stage name has upper-case letters',
        severity: 'warning',
        category: 'style',
        scope: 'all',
        equivalents: { hadolint: null, buildkit: 'StageNameCasing' }
    },
    check: ({ model }) => model.stages
        .filter((s) => s.name !== null && s.name !== s.id)
        .map((s) => ({ line: s.line, message: `stage name "${s.name}" should be lower case ("${s.id}"): BuildKit lower-cases it anyway`, stage: s.index }))
};

;// CONCATENATED MODULE: ./src/rules/stage-name-typo.ts
/** `--from=buidler`: BuildKit takes a name that is no stage for an image and tries to pull it. */

const stageNameTypo = {
    meta: {
        id: 'stage-name-typo',
        title: 'A --from or FROM name looks like a misspelt stage name',
        severity: 'error',
        category: 'correctness',
        scope: 'all',
        equivalents: { hadolint: null, buildkit: null }
    },
    check: ({ model, graph }) => {
        // Each name once, with the stages that carry it (a file may reuse names; work stays linear in them).
        const byName = new Map();
        for (const s of model.stages)
            if (s.name !== null)
                byName.set(s.name, [...(byName.get(s.name) ?? []), s.index]);
        return graph.external.flatMap((ref) => {
            // Real images have tags, registries or paths; a bare word close to a stage name is a typo.
            if (/[:/@.]/.test(ref.image))
                return [];
            const names = [...byName].filter(([, stages]) => stages.some((i) => i !== ref.stage)).map(([name]) => name);
            const match = closest(ref.image, names);
            if (match === null)
                return [];
            const what = ref.via === 'from' ? 'FROM' : ref.via === 'copy' ? '--from' : 'mount from';
            return [{ line: ref.line, message: `${what} ${ref.image} is not a stage, so docker build will try to pull an image of that name: did you mean ${match}?`, stage: ref.stage }];
        });
    }
};

;// CONCATENATED MODULE: ./src/rules/stage-self-reference.ts

const stageSelfReference = graphProblemRule({
    id: 'stage-self-reference',
    title: 'A stage uses itself',
    severity: 'error',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: 'DL3023', buildkit: null }
}, (p) => `${p.what}=${p.value} refers to the stage it is in; a stage cannot use itself`);

;// CONCATENATED MODULE: ./src/rules/undefined-arg-in-from.ts
/** BuildKit's UndefinedArgInFrom: FROM sees global ARGs and platform ARGs only. */

const undefinedArgInFrom = {
    meta: {
        id: 'undefined-arg-in-from',
        title: 'FROM uses a variable that is not a global ARG',
        severity: 'warning',
        category: 'correctness',
        scope: 'all',
        equivalents: { hadolint: null, buildkit: 'UndefinedArgInFrom' }
    },
    check: ({ model }) => {
        const declared = new Set([...model.globalArgs.map((a) => a.name), ...PLATFORM_ARGS]);
        const inStages = new Set(model.stages.flatMap((t) => t.instructions.flatMap((i) => (i.keyword === 'ARG' ? (i.variables ?? []).map((v) => v.name) : []))));
        return model.stages.flatMap((s) => {
            const names = referencedNames(`${s.base.raw} ${s.base.platform ?? ''}`).filter((n) => !declared.has(n));
            return names.map((n) => {
                const hint = inStages.has(n) ? `an ARG inside a stage is not visible to FROM; declare ARG ${n} before the first FROM` : `declare ARG ${n} before the first FROM`;
                return { line: s.line, message: `FROM uses $${n}, which is not a global ARG: ${hint}`, stage: s.index };
            });
        });
    }
};

;// CONCATENATED MODULE: ./src/rules/undefined-var.ts
/**
 * `$X` that expands to nothing because no ARG or ENV defines X at that point. BuildKit's
 * UndefinedVar checks the instructions Docker expands; it knows the base image's environment
 * (PATH, JAVA_HOME...), a static reader does not, so outside `scratch` a name is reported only
 * with evidence that it is a mistake:
 *  - it looks like a typo of a name in scope (BuildKit's "did you mean");
 *  - the stage declares it, but later (also in RUN: the shell sees it empty too);
 *  - another stage declares it, and stages do not share ARG and ENV (also in RUN);
 *  - EXPOSE uses it (BuildKit does not check EXPOSE; the port silently disappears).
 * Global ARGs used without re-declaring them are `global-arg-not-redeclared`'s.
 */




const EXPANDED = new Set(['ADD', 'COPY', 'ENV', 'ARG', 'WORKDIR', 'LABEL', 'USER', 'VOLUME', 'EXPOSE', 'STOPSIGNAL', 'ONBUILD']);
/**
 * Names that public base images set in their environment (PATH, HOME, GOPATH, NODE_VERSION,
 * PYTHON_VERSION, DOTNET_..., JAVA_HOME...): another stage declaring one says nothing about this one.
 */
const BASE_IMAGE_ENV = /^(?:PATH|HOME|HOSTNAME|LANG|LANGUAGE|LC_\w+|TERM|TZ|USER|SHELL|PWD|GPG_KEYS?|PHPIZE_DEPS|APP_UID|PKG_RELEASE|DEBIAN_FRONTEND|(?:LD_)?LIBRARY_PATH|PKG_CONFIG_PATH|MANPATH|VIRTUAL_ENV|XDG_\w+)$|^(?:JAVA|JDK|JRE|GO|GOLANG|NODE|NPM|YARN|PYTHON|PIP|RUBY|GEM|BUNDLE|BUNDLER|PHP|DOTNET|ASPNETCORE|ASPNET|NUGET|CARGO|RUSTUP|RUST|MAVEN|GRADLE|NGINX|NJS|HTTPD|TOMCAT|CATALINA|PG|POSTGRES|MYSQL|MARIADB|MONGO|REDIS|ELIXIR|ERLANG|OTP|GHC|PERL|JULIA|SWIFT|DART|CONDA|MAMBA|HADOOP|SPARK|CUDA|NVIDIA|NV|ANDROID|DOCKER|JENKINS)(?:_\w+|PATH|ROOT|BIN|FLAGS)$/;
const MAX_SUGGESTION_NAMES = 500;
/** Where each name is declared by ARG or ENV, per stage (first declaration). */
function declarations(model) {
    const byName = new Map();
    for (const stage of model.stages) {
        for (const ins of stage.instructions) {
            if (ins.keyword !== 'ARG' && ins.keyword !== 'ENV')
                continue;
            for (const v of ins.variables ?? []) {
                const list = byName.get(v.name) ?? [];
                if (!list.some((d) => d.stage === stage))
                    list.push({ stage, line: ins.line, keyword: ins.keyword });
                byName.set(v.name, list);
            }
        }
    }
    return byName;
}
/** The names an instruction reads: what Docker expands, or for RUN what its shell reads from the environment. */
function readNames(ins, declared) {
    // RUN is judged only against the file's own declarations: a quick look for such names first,
    // the shell-aware reading (quotes, the script's own assignments) only when there is one.
    if (ins.keyword === 'RUN') {
        if (ins.form === 'json' || !ins.raw.includes('$'))
            return [];
        if (!referencedNames(ins.raw).some((n) => (declared.has(n) || PLATFORM_ARGS.includes(n)) && !ins.scope.has(n)))
            return [];
        return environmentReads(runScript(ins));
    }
    if (!EXPANDED.has(ins.keyword))
        return [];
    const text = ins.keyword === 'ARG' || ins.keyword === 'ENV' ? (ins.variables ?? []).map((v) => v.raw ?? '').join(' ') : expandableText(ins);
    return unguardedNames(text);
}
/** The earlier stage a stage is built FROM, or null. */
function parentStage(stage) {
    return stage.base.kind === 'stage' && stage.base.stage !== null && stage.base.stage < stage.index ? stage.base.stage : null;
}
function report(ins, stage, message) {
    return { line: ins.line, endLine: ins.endLine, message, stage: stage.index };
}
const undefinedVar = {
    meta: {
        id: 'undefined-var',
        title: 'A variable is used that is not defined',
        severity: 'warning',
        category: 'correctness',
        scope: 'all',
        equivalents: { hadolint: null, buildkit: 'UndefinedVar' }
    },
    check: ({ model }) => {
        const globals = new Set(model.globalArgs.map((a) => a.name));
        const declared = declarations(model);
        // Per stage, through FROM <stage> (bases come first, so one pass): the root's kind, and how many names the chain declares.
        const rootKind = [];
        const names = [];
        for (const stage of model.stages) {
            const base = parentStage(stage);
            const own = stage.instructions.reduce((m, i) => m + (i.variables?.length ?? 0), 0);
            rootKind[stage.index] = base === null ? stage.base.kind : (rootKind[base] ?? 'image');
            names[stage.index] = own + (base === null ? 0 : (names[base] ?? 0));
        }
        return model.stages.flatMap((stage) => {
            const inChain = (other) => {
                for (let at = stage.index, steps = 0; at !== null && steps <= model.stages.length; at = parentStage(model.stages[at]), steps++)
                    if (at === other)
                        return true;
                return false;
            };
            const fromScratch = rootKind[stage.index] === 'scratch';
            const manyNames = (names[stage.index] ?? 0) > MAX_SUGGESTION_NAMES;
            const reported = new Set();
            const reports = [];
            for (const ins of stage.instructions.slice(1)) {
                for (const name of readNames(ins, declared)) {
                    if (ins.scope.has(name) || globals.has(name) || reported.has(name))
                        continue;
                    const places = declared.get(name) ?? [];
                    const later = places.find((d) => d.stage === stage && d.line > ins.line);
                    const elsewhere = places.find((d) => !inChain(d.stage.index));
                    const baseMayHave = !fromScratch && BASE_IMAGE_ENV.test(name);
                    let message = null;
                    if (later !== undefined && !baseMayHave) {
                        message = `$${name} is used before ${later.keyword} ${name} (line ${later.line}) defines it, so it expands to nothing here; move the ${later.keyword} above this line`;
                    }
                    else if (ins.keyword !== 'RUN') {
                        // A typo is a guess among a few names; thousands of generated ones make it costly and unlikely.
                        const suggestion = manyNames ? null : closest(name, ins.scope.keys());
                        if (suggestion !== null)
                            message = `$${name} is not defined at this point, so it expands to nothing. Did you mean $${suggestion}?`;
                    }
                    if (message === null && PLATFORM_ARGS.includes(name)) {
                        message = `$${name} is empty here: the platform ARGs are global, and a stage sees ${name} only after ARG ${name} (no value needed); add it to this stage before this line`;
                    }
                    if (message === null && elsewhere !== undefined && !baseMayHave) {
                        message = `$${name} is empty here: ${elsewhere.keyword} ${name} (line ${elsewhere.line}) belongs to stage ${stageLabel(elsewhere.stage)}, and stages do not share ARG or ENV; ${elsewhere.keyword === 'ARG' ? `repeat ARG ${name} in this stage (or declare it before the first FROM and repeat ARG ${name} here)` : `set ENV ${name} in this stage too`}, or build this stage FROM ${stageLabel(elsewhere.stage)}`;
                    }
                    if (message === null && ins.keyword !== 'RUN' && (fromScratch || (ins.keyword === 'EXPOSE' && !baseMayHave))) {
                        message = ins.keyword === 'EXPOSE' ? `$${name} is not defined by any ARG or ENV, so EXPOSE gets no port from it; declare ARG ${name}=<port> (or ENV) in this stage` : `$${name} is not defined at this point, so it expands to nothing`;
                    }
                    if (message === null)
                        continue;
                    reported.add(name);
                    reports.push(report(ins, stage, message));
                }
            }
            return reports;
        });
    }
};

;// CONCATENATED MODULE: ./src/rules/unknown-target.ts

const unknownTarget = graphProblemRule({
    id: 'unknown-target',
    title: 'The requested target is not a stage of the file',
    severity: 'error',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: null, buildkit: null },
    about: 'file'
}, (p, model) => {
    const names = model.stages.flatMap((s) => (s.name === null ? [] : [s.name]));
    return `target "${p.requested}" is not a stage of this file (${names.length > 0 ? `stages: ${names.join(', ')}` : 'no stage has a name'}); the last stage is analysed instead`;
});

;// CONCATENATED MODULE: ./src/rules/untrusted-registry.ts

const untrustedRegistry = {
    meta: {
        id: 'untrusted-registry',
        title: 'An image comes from a registry that is not trusted',
        severity: 'error',
        category: 'security',
        scope: 'all',
        equivalents: { hadolint: 'DL3026', buildkit: null },
        options: [{ name: 'trusted-registries', type: 'string-list', default: null, doc: 'The registries images may come from (`docker.io` for Docker Hub); the rule is silent until it is set.' }]
    },
    check: ({ graph, options }) => {
        const trusted = options['trusted-registries'];
        if (trusted === null)
            return [];
        const allowed = new Set(trusted.map((r) => (r === 'hub.docker.com' || r === 'index.docker.io' ? 'docker.io' : r.toLowerCase())));
        return graph.external.flatMap((ref) => {
            const registry = registryOf(ref.image);
            if (registry === null || allowed.has(registry))
                return [];
            return [{ line: ref.line, message: `${referenceKind(ref)} ${ref.image} pulls from ${registry}, which is not in trusted-registries (${[...allowed].join(', ')})`, stage: ref.stage }];
        });
    }
};

;// CONCATENATED MODULE: ./src/rules/unused-stage.ts
/** Unused stages cost nothing in BuildKit (it skips them), so this is information, not a warning. */
const unusedStage = {
    meta: {
        id: 'unused-stage',
        title: 'A stage is not needed to build the target',
        severity: 'info',
        category: 'structure',
        scope: 'all',
        equivalents: { hadolint: null, buildkit: null },
        about: 'file'
    },
    check: ({ model, graph }) => {
        const target = graph.target === null ? null : model.stages[graph.target];
        if (target === null || target === undefined)
            return [];
        const targetName = target.name !== null ? `the target "${target.name}"` : `the target (stage ${target.index}, line ${target.line})`;
        return model.stages
            .filter((s) => graph.roles[s.index] === 'unused')
            .map((s) => ({
            line: s.line,
            message: `stage ${s.name === null ? s.index : `"${s.name}"`} is not used to build ${targetName}: docker build skips it unless it is the --target${s.name === null ? ' (give it a name so it can be)' : ''}`,
            stage: s.index
        }));
    }
};

;// CONCATENATED MODULE: ./src/rules/workdir-relative-path.ts
/** A relative first WORKDIR depends on the base image's working directory. */

const workdirRelativePath = {
    meta: {
        id: 'workdir-relative-path',
        title: 'The first WORKDIR of a stage is a relative path',
        severity: 'warning',
        category: 'correctness',
        scope: 'all',
        equivalents: { hadolint: 'DL3000', buildkit: 'WorkdirRelativePath' }
    },
    check: ({ model }) => model.stages.flatMap((stage) => {
        const chain = stageChain(model, stage.index);
        const root = chain[0];
        // scratch has no image config: its working directory is / and nothing upstream can change it.
        if (root === undefined || root.base.kind === 'scratch')
            return [];
        // As BuildKit: only the first WORKDIR of a FROM chain is checked; one in a parent stage was checked there.
        if (chain.slice(0, -1).some((s) => s.instructions.some((i) => i.keyword === 'WORKDIR')))
            return [];
        const first = stage.instructions.find((i) => i.keyword === 'WORKDIR');
        const word = first?.workdir;
        if (first === undefined || word === undefined || pathKind(word, isWindowsStage(model, stage.index)) !== 'relative')
            return [];
        if (word.raw.includes("'") && word.value.includes('$')) {
            return [{ line: first.line, message: `WORKDIR ${word.raw} makes a folder literally named ${word.value}: single quotes stop variable expansion; write WORKDIR "${word.value}" or leave the quotes out`, stage: stage.index }];
        }
        const base = root.base.image !== null && root.base.unresolved.length === 0 ? root.base.resolved : 'the base image';
        return [
            {
                line: first.line,
                message: `WORKDIR ${word.raw} is relative, so it lands under ${base}'s working directory, which this file does not set and a new release of the image can change: write the absolute path (WORKDIR ${resolvePath('/', word.value)} if the image keeps /)`,
                stage: stage.index
            }
        ];
    })
};

;// CONCATENATED MODULE: ./src/rules/registry.ts
/** Every rule, by id. Generated by `npm run docs` from the files src/rules/<id>.ts: do not edit. */







































































const RULES = [
    addLocalFile,
    addUrlWithoutChecksum,
    apkNoCache,
    aptListsLeft,
    aptUpgrade,
    artifactNotCopied,
    baseImageLatest,
    baseImageUntagged,
    broadCopyFrom,
    buildPlatformShipped,
    buildToolsShipped,
    chownAfterCopy,
    cleanupInSeparateLayer,
    consecutiveRun,
    consistentInstructionCasing,
    copyAllBeforeInstall,
    copyDestinationSlash,
    copyDestinationWildcard,
    copyFromIndex,
    copyFromVariable,
    copyIgnoredFile,
    copyRelativeWithoutWorkdir,
    crossCompilePlatform,
    curlPipeShell,
    deadInstruction,
    devDependenciesShipped,
    duplicateStageName,
    execFormVariable,
    exposeInvalidFormat,
    exposeProtoCasing,
    fromAsCasing,
    fromMissingStageVariant,
    fromPlatformFlagConst,
    globalArgNotRedeclared,
    heavyFinalBase,
    imageNotPinned,
    invalidDefaultArgInFrom,
    invalidDefinitionDescription,
    invalidStageName,
    invalidSuppression,
    jsonArgsRecommended,
    legacyKeyValueFormat,
    maintainerDeprecated,
    missingDockerignore,
    missingHealthcheck,
    multipleCmd,
    multipleEntrypoint,
    multipleHealthcheck,
    noEmptyContinuation,
    parseError,
    pipCache,
    pipefail,
    redundantTargetPlatform,
    reservedStageName,
    rootUser,
    runCd,
    runSudo,
    secretFileCopied,
    secretsInArgEnv,
    singleStageBuild,
    stageForwardReference,
    stageIndexOutOfRange,
    stageNameCasing,
    stageNameTypo,
    stageSelfReference,
    undefinedArgInFrom,
    undefinedVar,
    unknownTarget,
    untrustedRegistry,
    unusedStage,
    workdirRelativePath
];
function ruleById(id) {
    return RULES.find((r) => r.meta.id === id);
}

;// CONCATENATED MODULE: ./src/parse/directives.ts
function names(value) {
    const list = value
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
    return list.some((s) => s.toLowerCase() === 'all') ? 'all' : list;
}
/**
 * `skip=A,B;error=true;experimental=C`. BuildKit rejects unknown keys and reads at most
 * three parts; text after the first space is a comment.
 */
function parseCheckDirective(value, line) {
    const check = { line, skip: [], error: false, experimental: [] };
    const body = value.trim().split(/[ \t]/, 1)[0] ?? '';
    const parts = body.split(';').filter((p) => p !== '');
    if (parts.length > 3)
        return { ok: false, message: `check directive has ${parts.length} parts; at most 3 (skip, error, experimental) are allowed` };
    for (const part of parts) {
        const eq = part.indexOf('=');
        const key = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
        const val = eq < 0 ? '' : part.slice(eq + 1).trim();
        if (key === 'skip')
            check.skip = names(val);
        else if (key === 'experimental')
            check.experimental = names(val);
        else if (key === 'error') {
            const lower = val.toLowerCase();
            if (lower !== 'true' && lower !== 'false')
                return { ok: false, message: `check directive: error must be true or false, not "${val}"` };
            check.error = lower === 'true';
        }
        else
            return { ok: false, message: `check directive: unknown key "${key}" (expected skip, error or experimental)` };
    }
    return { ok: true, check };
}

;// CONCATENATED MODULE: ./src/parse/scanner.ts
/**
 * The first pass over a Dockerfile's lines, as BuildKit's parser reads them: parser directives
 * at the top, comments, and where each instruction starts and ends (continuation lines, blank
 * and comment lines inside a continuation, heredoc bodies). One linear pass; no regular
 * expression runs over more than one line, so a 10 MB file or a 1 MB line stays linear.
 */

/** BuildKit's directive names; any other `# key=value` at the top ends the directives. */
const DIRECTIVE_NAMES = new Set(['syntax', 'escape', 'check']);
/** Instructions that may carry heredocs. */
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);
/** BuildKit's heredoc word: optional fd digits, `<<`, optional `-`, then the (maybe quoted) name. */
const HEREDOC_WORD = /^\d*<<(-?)([^<]*)$/;
const scanner_isBlank = (c) => c === 32 || c === 9;
/** Blanks between an instruction's words, as BuildKit splits the command from its arguments (`[\t\v\f\r ]`). */
const scanner_isSpaceCode = (c) => c === 32 || c === 9 || c === 11 || c === 12 || c === 13;
/** Index of the first character that is not a space or tab, or the line's length. */
function indent(line) {
    let i = 0;
    while (i < line.length && scanner_isBlank(line.charCodeAt(i)))
        i++;
    return i;
}
/** Go's unicode.IsSpace: BuildKit trims it from a line's start and after a directive's `#`. */
function isUnicodeSpace(c) {
    return (c >= 9 && c <= 13) || c === 32 || c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}
/** `\s` of Go's regular expressions: `[\t\n\f\r ]`. */
const isRegexSpace = (c) => c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
const isLetter = (c) => (c | 32) >= 97 && (c | 32) <= 122;
const scanner_isDigit = (c) => c >= 48 && c <= 57;
/**
 * A `#` directive line from column `from`, as DirectiveParser.ParseLine reads it: `#`, blanks,
 * then `^([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$` (directives.go directiveRegexp), matched in code
 * so that long runs of blanks stay linear. The value needs a character: `# syntax=` is a comment,
 * and ends the directives. null when the line is not `# name=value`; any name.
 */
function directiveAt(line, from) {
    if (line.charCodeAt(from) !== 35 /* # */)
        return null;
    let i = from + 1;
    while (i < line.length && isUnicodeSpace(line.charCodeAt(i)))
        i++;
    const nameStart = i;
    if (!isLetter(line.charCodeAt(i)))
        return null;
    while (i < line.length && (isLetter(line.charCodeAt(i)) || scanner_isDigit(line.charCodeAt(i))))
        i++;
    const name = line.slice(nameStart, i).toLowerCase();
    while (i < line.length && isRegexSpace(line.charCodeAt(i)))
        i++;
    if (line.charCodeAt(i) !== 61 /* = */ || i + 1 === line.length)
        return null;
    let start = i + 1;
    while (start < line.length && isRegexSpace(line.charCodeAt(start)))
        start++;
    let end = line.length;
    while (end > start && isRegexSpace(line.charCodeAt(end - 1)))
        end--;
    // Blanks only: the regex's `\s*` gives the last one back to `(.+?)`.
    return { name, value: start < end ? line.slice(start, end) : line.slice(-1) };
}
/** Both of BuildKit's readings of the directives at the top of the lines (see ScannedDirectives). */
function scanDirectives(lines) {
    const parsed = [];
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        let from = 0;
        while (from < line.length && isUnicodeSpace(line.charCodeAt(from)))
            from++;
        const directive = directiveAt(line, from);
        if (directive === null || !DIRECTIVE_NAMES.has(directive.name))
            break;
        parsed.push({ ...directive, line: i });
    }
    const raw = [];
    const seen = new Set();
    for (let i = (lines[0] ?? '').startsWith('#!') ? 1 : 0; i < lines.length; i++) {
        const directive = directiveAt(lines[i], 0);
        if (directive === null || !DIRECTIVE_NAMES.has(directive.name) || seen.has(directive.name))
            break;
        seen.add(directive.name);
        raw.push({ ...directive, line: i });
    }
    return { parsed, raw };
}
/** The first word of a logical line, upper case (ONBUILD's trigger instruction). */
function firstWord(logical) {
    const text = logical.text;
    let i = 0;
    while (i < text.length && scanner_isSpaceCode(text.charCodeAt(i)))
        i++;
    let end = i;
    while (end < text.length && !scanner_isSpaceCode(text.charCodeAt(end)))
        end++;
    return text.slice(i, end).toUpperCase();
}
/** RUN, COPY and ADD open heredocs, and so does ONBUILD with one of them as its trigger (BuildKit canContainHeredoc). */
function canContainHeredoc(keywordRaw, logical) {
    const keyword = keywordRaw.toUpperCase();
    return HEREDOC_KEYWORDS.has(keyword === 'ONBUILD' ? firstWord(logical) : keyword);
}
/** Heredocs an instruction's words open, in order (`<<EOF`, `<<-EOF`, `<<'EOF'`, `3<<"EOF"`). */
function heredocWords(logical, escape) {
    const found = [];
    for (const word of splitWords(logical, escape)) {
        if (!word.text.includes('<<'))
            continue;
        const m = HEREDOC_WORD.exec(word.text);
        if (m === null)
            continue;
        let name = m[2];
        const quoted = /["']/.test(name);
        if (quoted)
            name = name.replace(/["']/g, '');
        if (name === '')
            continue;
        found.push({ name, stripTabs: m[1] === '-', quoted });
    }
    return found;
}
/**
 * Scans the lines (already split on `\n`), handing each instruction to `onInstruction` as soon
 * as its end is known; returns the comments. `directiveCount` lines at the top were directives;
 * `escape` is the escape character they set.
 */
function scanLines(lines, directiveCount, escape, onInstruction) {
    const comments = [];
    let i = directiveCount;
    while (i < lines.length) {
        const line = lines[i];
        const start = indent(line);
        if (start === line.length) {
            i++;
            continue;
        }
        if (line.charCodeAt(start) === 35 /* # */) {
            comments.push({ line: i, text: line.slice(start + 1).replace(/^[ \t]+/, '') });
            i++;
            continue;
        }
        let end = start;
        while (end < line.length && !scanner_isBlank(line.charCodeAt(end)))
            end++;
        // `RUN\` at the end of a line: the escape continues the line, it is not part of the keyword.
        // (`RUN\\` does not continue: its keyword is `RUN\\`, as BuildKit reads it.)
        const continuation = continuationAt(line, start, start, escape);
        if (continuation === end - 1 && continuation > start)
            end = continuation;
        const first = i;
        const logical = logicalLine(lines, first, lines.length - 1, end, start, escape);
        let last = logical.lastLine - 1;
        // Comment lines inside the continuation are comments too (suppressions may sit there).
        for (let j = first + 1; j <= last; j++) {
            const l = lines[j];
            const k = indent(l);
            if (k < l.length && l.charCodeAt(k) === 35)
                comments.push({ line: j, text: l.slice(k + 1).replace(/^[ \t]+/, '') });
        }
        const keywordRaw = line.slice(start, end);
        const heredocs = [];
        if (canContainHeredoc(keywordRaw, logical) && logical.text.includes('<<')) {
            for (const h of heredocWords(logical, escape)) {
                const bodyStart = last + 1;
                let terminator = null;
                for (let j = bodyStart; j < lines.length; j++) {
                    const candidate = h.stripTabs ? lines[j].replace(/^\t+/, '') : lines[j];
                    if (candidate === h.name) {
                        terminator = j;
                        break;
                    }
                }
                heredocs.push({ ...h, bodyStart, terminator });
                last = terminator ?? lines.length - 1;
            }
        }
        onInstruction({ keywordRaw, first, last, keywordEnd: end, logical, heredocs });
        i = last + 1;
    }
    return comments;
}

;// CONCATENATED MODULE: ./src/parse/parse.ts
/**
 * Dockerfile text → DockerfileModel. The scanner finds directives, comments, instruction
 * boundaries and heredoc bodies; this file reads words, flags, forms, variables and stages,
 * so the rules see BuildKit's semantics rather than an editor's.
 *
 * Never throws on any input: what cannot be understood becomes a `parse-error` finding.
 */







const parse_KEYWORDS = new Set([
    'ADD',
    'ARG',
    'CMD',
    'COPY',
    'ENTRYPOINT',
    'ENV',
    'EXPOSE',
    'FROM',
    'HEALTHCHECK',
    'LABEL',
    'MAINTAINER',
    'ONBUILD',
    'RUN',
    'SHELL',
    'STOPSIGNAL',
    'USER',
    'VOLUME',
    'WORKDIR'
]);
/** Instructions whose arguments may be a JSON array. */
const JSON_CAPABLE = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'COPY', 'ADD', 'VOLUME', 'HEALTHCHECK']);
/** Flags each instruction accepts (BuildKit, dockerfile:1 syntax, labs excluded). */
const ALLOWED_FLAGS = {
    FROM: new Set(['platform']),
    RUN: new Set(['mount', 'network', 'security', 'device']),
    COPY: new Set(['from', 'chown', 'chmod', 'link', 'parents', 'exclude']),
    ADD: new Set(['chown', 'chmod', 'link', 'checksum', 'keep-git-dir', 'exclude', 'parents', 'unpack']),
    HEALTHCHECK: new Set(['interval', 'timeout', 'start-period', 'start-interval', 'retries'])
};
/** BuildKit gives `scratch` the default PATH (dockerfile2llb emptyImage), so `ENV PATH=$PATH:/x` works there. */
const SCRATCH_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const MOUNT_TYPES = new Set(['bind', 'cache', 'tmpfs', 'secret', 'ssh']);
function error(ctx, line, message, endLine = line) {
    ctx.errors.push({ line, endLine, message });
}
/**
 * Normalises line endings and the BOM so line numbers match what GitHub and BuildKit count:
 * only \n ends a line; a lone \r is whitespace.
 */
function normaliseText(text) {
    let out = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    if (out.includes('\r'))
        out = out.replace(/\r\n/g, '\n').replace(/\r/g, ' ');
    return out;
}
function parseDockerfile(source, options = {}) {
    const text = normaliseText(source);
    const lines = text.split('\n');
    if (lines.length > 1 && lines[lines.length - 1] === '')
        lines.pop();
    const ctx = { lines, escape: '\\', errors: [], buildArgs: options.buildArgs ?? {}, stageIds: new Map() };
    const scannedDirectives = scanDirectives(lines);
    const directives = readDirectives(scannedDirectives, ctx);
    ctx.escape = directives.escape?.value ?? '\\';
    const comments = [];
    const model = {
        lineCount: Math.max(1, lines.length),
        directives,
        globalArgs: [],
        preamble: [],
        stages: [],
        instructions: [],
        comments,
        errors: ctx.errors
    };
    let globalScope = EMPTY_SCOPE;
    for (const [name, value] of Object.entries(PLATFORM_ARG_VALUES)) {
        globalScope = withBinding(globalScope, name, { kind: 'builtin', value: ctx.buildArgs[name] ?? value, line: 0 });
    }
    const stageEndScopes = [];
    let scope = globalScope;
    let current = null;
    // Each instruction is read as soon as it is scanned, so its scan data (logical line, words) is garbage at once.
    const handle = (scanned) => {
        const instruction = readInstruction(scanned, ctx, current === null ? -1 : current.index);
        model.instructions.push(instruction);
        if (instruction.keyword === 'FROM') {
            if (current !== null)
                stageEndScopes.push(scope);
            instruction.scope = globalScope;
            current = readStage(instruction, model.stages, globalScope, ctx);
            instruction.stage = current.index;
            model.stages.push(current);
            if (current.id !== null && !ctx.stageIds.has(current.id))
                ctx.stageIds.set(current.id, current.index);
            scope = current.base.kind === 'stage' ? (stageEndScopes[current.base.stage] ?? EMPTY_SCOPE) : current.base.kind === 'scratch' ? withBinding(EMPTY_SCOPE, 'PATH', { kind: 'env', value: SCRATCH_PATH, line: 0 }) : EMPTY_SCOPE;
            return;
        }
        instruction.scope = scope;
        if (current === null) {
            model.preamble.push(instruction);
            if (instruction.keyword === 'ARG') {
                globalScope = declareArgs(instruction, globalScope, null, ctx);
                scope = globalScope;
                for (const v of instruction.variables ?? []) {
                    model.globalArgs.push({ name: v.name, raw: v.raw, value: v.value, line: instruction.line });
                }
            }
            else if (parse_KEYWORDS.has(instruction.keyword)) {
                error(ctx, instruction.line, `${instruction.keyword} before the first FROM: only ARG may come before FROM`, instruction.endLine);
            }
            return;
        }
        current.instructions.push(instruction);
        current.endLine = instruction.endLine;
        if (instruction.keyword === 'ARG')
            scope = declareArgs(instruction, scope, globalScope, ctx);
        else if (instruction.keyword === 'ENV')
            scope = declareEnv(instruction, scope, ctx);
        else if (instruction.keyword === 'COPY' || instruction.keyword === 'ADD')
            readCopyPaths(instruction, ctx);
        else if (instruction.keyword === 'WORKDIR' && instruction.args[0] !== undefined)
            instruction.workdir = pathWord(instruction.args[0], scope, ctx);
    };
    for (const c of scanLines(lines, scannedDirectives.parsed.length, ctx.escape, handle))
        comments.push({ line: c.line + 1, text: c.text });
    if (model.stages.length === 0) {
        const first = model.preamble[0];
        if (first === undefined)
            error(ctx, 1, 'the file has no instructions: a Dockerfile needs at least a FROM');
        else
            error(ctx, first.line, 'the file has no FROM instruction, so it defines no stage');
    }
    ctx.errors.sort((a, b) => a.line - b.line);
    return model;
}
/**
 * The escape character as Parse reads it, where a repeated directive fails the build; the
 * frontend and the check options as DetectSyntax and ParseDirective read them (see ScannedDirectives).
 */
function readDirectives(scanned, ctx) {
    const directives = { syntax: null, escape: null, check: null };
    const seen = new Set();
    for (const { name, value, line } of scanned.parsed) {
        if (seen.has(name)) {
            error(ctx, line + 1, `only one ${name} parser directive can be used: BuildKit fails the build on this second one; remove one of them`);
            continue;
        }
        seen.add(name);
        if (name !== 'escape')
            continue;
        if (value === '\\' || value === '`')
            directives.escape = { value, line: line + 1 };
        else
            error(ctx, line + 1, `invalid escape directive "${value}": it must be \\ or \``);
    }
    for (const { name, value, line } of scanned.raw) {
        if (name === 'syntax')
            directives.syntax = { value, line: line + 1 };
        else if (name === 'check') {
            const parsed = parseCheckDirective(value, line + 1);
            if (parsed.ok)
                directives.check = parsed.check;
            else
                error(ctx, line + 1, parsed.message);
        }
    }
    return directives;
}
function readInstruction(scanned, ctx, stage) {
    const { first, last, logical, keywordRaw } = scanned;
    const keyword = keywordRaw.toUpperCase();
    const instruction = {
        keyword,
        keywordRaw,
        line: first + 1,
        endLine: last + 1,
        raw: rawArguments(ctx.lines, first, last, scanned.keywordEnd),
        args: [],
        flags: [],
        heredocs: [],
        form: null,
        json: null,
        emptyContinuationLines: logical.emptyLines,
        stage,
        scope: EMPTY_SCOPE
    };
    if (!parse_KEYWORDS.has(keyword)) {
        error(ctx, instruction.line, `unknown instruction "${keywordRaw}"`, instruction.endLine);
        instruction.args = splitWords(logical, ctx.escape).map((w) => w.text);
        return instruction;
    }
    const words = splitWords(logical, ctx.escape);
    const allowed = ALLOWED_FLAGS[keyword];
    let argStart = 0;
    if (allowed !== undefined) {
        while (argStart < words.length && words[argStart].text.startsWith('--')) {
            const word = words[argStart];
            const flag = readFlag(word);
            instruction.flags.push(flag);
            if (!allowed.has(flag.name))
                error(ctx, word.line, `unknown flag --${flag.name} for ${keyword}`);
            argStart++;
        }
    }
    const argWords = words.slice(argStart);
    instruction.args = argWords.map((w) => w.text);
    instruction.heredocs = readHeredocs(scanned, ctx, instruction);
    if (JSON_CAPABLE.has(keyword))
        readForm(instruction, logical, argWords, ctx);
    if (argWords.length === 0 && keyword !== 'CMD' && keyword !== 'ENTRYPOINT' && keyword !== 'FROM') {
        error(ctx, instruction.line, `${keyword} needs at least one argument`, instruction.endLine);
    }
    if (keyword === 'RUN')
        instruction.run = readRun(instruction, ctx);
    else if (keyword === 'COPY' || keyword === 'ADD')
        instruction.copy = readCopyFlags(instruction, ctx);
    else if (keyword === 'HEALTHCHECK')
        readHealthcheck(instruction, ctx);
    return instruction;
}
/** Everything after the keyword, as written, leading blanks dropped. */
function rawArguments(lines, first, last, column) {
    let text = (lines[first] ?? '').slice(column);
    for (let j = first + 1; j <= last; j++)
        text += `\n${lines[j] ?? ''}`;
    let k = 0;
    while (k < text.length && (text[k] === ' ' || text[k] === '\t'))
        k++;
    return k === 0 ? text : text.slice(k);
}
function readFlag(word) {
    const body = word.text.slice(2);
    const eq = body.indexOf('=');
    if (eq < 0)
        return { name: body.toLowerCase(), value: null, line: word.line };
    return { name: body.slice(0, eq).toLowerCase(), value: unquote(body.slice(eq + 1)), line: word.line };
}
/** JSON (exec) form when the arguments parse as a JSON array of strings. */
function readForm(instruction, logical, argWords, ctx) {
    const firstWord = argWords[0];
    const rest = firstWord === undefined ? '' : logical.text.slice(firstWord.offset).trim();
    let form = 'shell';
    if (instruction.keyword === 'HEALTHCHECK') {
        // HEALTHCHECK [flags] CMD <command>: the form is that of the command after CMD.
        const cmd = argWords[0];
        if (cmd === undefined || cmd.text.toUpperCase() !== 'CMD')
            return;
        const after = argWords[1];
        const cmdText = after === undefined ? '' : logical.text.slice(after.offset).trim();
        const json = cmdText.startsWith('[') ? parseJsonArray(cmdText) : null;
        instruction.form = json === null ? 'shell' : 'json';
        instruction.json = json;
        if (json === null && looksLikeExecForm(cmdText))
            invalidJson(instruction, ctx);
        return;
    }
    if (rest.startsWith('[') && instruction.heredocs.length === 0) {
        const json = parseJsonArray(rest);
        if (json !== null) {
            form = 'json';
            instruction.json = json;
        }
        else if (looksLikeExecForm(rest))
            invalidJson(instruction, ctx);
    }
    instruction.form = form;
}
/**
 * Text that starts with `[` but is not JSON: a mistyped exec form (`['a', 'b']`, a missing
 * comma or bracket), or a shell test such as `RUN [ "$X" = "1" ] && exit 0`, which is fine.
 */
function looksLikeExecForm(text) {
    if (!text.startsWith('['))
        return false;
    if (/^\[\s*(?:"[^"]*"|'[^']*')\s*,/.test(text))
        return true;
    const shellTest = /^\[\[?\s/.test(text) && /\s\]\]?(?:\s|;|$)/.test(text);
    return !shellTest;
}
function invalidJson(instruction, ctx) {
    error(ctx, instruction.line, `${instruction.keyword} starts with "[" but is not a valid JSON array of strings; Docker runs it as a shell command instead`, instruction.endLine);
}
function parseJsonArray(text) {
    try {
        const value = JSON.parse(text);
        if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
            return value;
    }
    catch {
        // Not JSON: the caller reports it.
    }
    return null;
}
function readHeredocs(scanned, ctx, instruction) {
    let reported = false;
    return scanned.heredocs.map((h) => {
        const endLine = h.terminator ?? ctx.lines.length - 1;
        const bodyLines = ctx.lines.slice(h.bodyStart, h.terminator ?? ctx.lines.length);
        // The first unclosed heredoc takes the rest of the file; the ones after it have no body to report on.
        if (h.terminator === null && !reported) {
            reported = true;
            error(ctx, instruction.line, `heredoc <<${h.name} is never closed: everything after line ${instruction.line} is read as its body`, instruction.endLine);
        }
        return {
            name: h.name,
            stripTabs: h.stripTabs,
            quoted: h.quoted,
            line: Math.min(h.bodyStart, endLine) + 1,
            endLine: endLine + 1,
            content: bodyLines.map((l) => (h.stripTabs ? l.replace(/^\t+/, '') : l)).join('\n'),
            terminated: h.terminator !== null
        };
    });
}
function readRun(instruction, ctx) {
    const commands = splitCommands(runScript(instruction));
    const details = { mounts: [], network: null, security: null, commands, installs: packageInstalls(commands) };
    for (const flag of instruction.flags) {
        if (flag.name === 'network')
            details.network = flag.value;
        else if (flag.name === 'security')
            details.security = flag.value;
        else if (flag.name === 'mount') {
            const mount = readMount(flag, ctx);
            if (mount !== null)
                details.mounts.push(mount);
        }
    }
    return details;
}
function readMount(flag, ctx) {
    const raw = flag.value ?? '';
    const mount = { type: 'bind', from: null, source: null, target: null, id: null, line: flag.line, raw };
    if (raw === '') {
        error(ctx, flag.line, '--mount needs a value, e.g. --mount=type=cache,target=/root/.cache');
        return null;
    }
    for (const part of splitCsv(raw)) {
        const eq = part.indexOf('=');
        const key = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
        const value = eq < 0 ? '' : part.slice(eq + 1).trim();
        switch (key) {
            case 'type':
                mount.type = value.toLowerCase();
                break;
            case 'from':
                mount.from = value;
                break;
            case 'source':
            case 'src':
                mount.source = value;
                break;
            case 'target':
            case 'dst':
            case 'destination':
                mount.target = value;
                break;
            case 'id':
                mount.id = value;
                break;
            default:
                break;
        }
    }
    if (!MOUNT_TYPES.has(mount.type)) {
        error(ctx, flag.line, `unknown mount type "${mount.type}" (expected bind, cache, tmpfs, secret or ssh)`);
    }
    return mount;
}
function readCopyFlags(instruction, ctx) {
    const details = {
        from: null,
        link: false,
        chmod: null,
        chown: null,
        parents: false,
        exclude: [],
        checksum: null,
        sources: [],
        destination: null,
        sourceWords: [],
        destinationWord: null
    };
    const bool = (flag) => flag.value === null || flag.value.toLowerCase() !== 'false';
    for (const flag of instruction.flags) {
        switch (flag.name) {
            case 'from':
                details.from = flag.value;
                if (flag.value === null || flag.value === '')
                    error(ctx, flag.line, `${instruction.keyword} --from needs a stage name, index or image`);
                break;
            case 'link':
                details.link = bool(flag);
                break;
            case 'parents':
                details.parents = bool(flag);
                break;
            case 'chmod':
                details.chmod = flag.value;
                break;
            case 'chown':
                details.chown = flag.value;
                break;
            case 'exclude':
                if (flag.value !== null)
                    details.exclude.push(flag.value);
                break;
            case 'checksum':
                details.checksum = flag.value;
                break;
            default:
                break;
        }
    }
    return details;
}
/** Sources and destination, expanded in scope (needs the instruction's scope, so runs later). */
function readCopyPaths(instruction, ctx) {
    const details = instruction.copy;
    if (details === undefined)
        return;
    const paths = instruction.form === 'json' ? (instruction.json ?? []) : instruction.args;
    const expand = (p) => instruction.form === 'json' || p.startsWith('<<') ? { raw: p, value: p, unresolved: [] } : pathWord(p, instruction.scope, ctx);
    if (paths.length < 2) {
        if (paths.length > 0)
            error(ctx, instruction.line, `${instruction.keyword} needs a source and a destination`, instruction.endLine);
        details.sourceWords = paths.map(expand);
        details.sources = details.sourceWords.map((w) => w.value);
        return;
    }
    details.sourceWords = paths.slice(0, -1).map(expand);
    details.sources = details.sourceWords.map((w) => w.value);
    details.destinationWord = expand(paths[paths.length - 1]);
    details.destination = details.destinationWord.value;
}
function pathWord(raw, scope, ctx) {
    const expansion = expandWord(raw, scope, ctx.escape);
    return { raw, value: expansion.value, unresolved: expansion.unresolved };
}
function readHealthcheck(instruction, ctx) {
    const first = instruction.args[0]?.toUpperCase();
    if (first === undefined || first === 'NONE')
        return;
    if (first !== 'CMD')
        error(ctx, instruction.line, `HEALTHCHECK must be followed by CMD or NONE, not "${instruction.args[0]}"`, instruction.endLine);
}
/** `ARG a`, `ARG a=1 b=2`. Global ARGs take build-arg overrides; stage ARGs also see the global value. */
function declareArgs(instruction, scope, globalScope, ctx) {
    const declarations = [];
    let next = scope;
    for (const word of instruction.args) {
        const eq = word.indexOf('=');
        const name = eq < 0 ? word : word.slice(0, eq);
        const raw = eq < 0 ? null : word.slice(eq + 1);
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
            error(ctx, instruction.line, `invalid ARG name "${name}"`, instruction.endLine);
            continue;
        }
        let value;
        let kind = 'arg';
        const override = Object.prototype.hasOwnProperty.call(ctx.buildArgs, name) ? ctx.buildArgs[name] : undefined;
        if (override !== undefined)
            value = override;
        else if (raw !== null)
            value = expandWord(raw, next, ctx.escape).value;
        else {
            const global = globalScope?.get(name);
            value = global?.value ?? null;
            if (global?.kind === 'builtin')
                kind = 'builtin';
        }
        declarations.push({ name, raw, value });
        // ENV always wins over ARG of the same name.
        if (next.get(name)?.kind !== 'env')
            next = withBinding(next, name, { kind, value, line: instruction.line });
    }
    instruction.variables = declarations;
    return next;
}
/** `ENV a=1 b="x y"` or the legacy `ENV a some value`. All values expand in the scope before the instruction. */
function declareEnv(instruction, scope, ctx) {
    const declarations = [];
    const args = instruction.args;
    const legacy = args.length > 0 && !args[0].includes('=');
    if (legacy) {
        const name = args[0];
        const raw = args.slice(1).join(' ');
        if (args.length < 2)
            error(ctx, instruction.line, `ENV ${name} has no value`, instruction.endLine);
        declarations.push({ name, raw, value: expandWord(raw, scope, ctx.escape).value });
    }
    else {
        for (const word of args) {
            const eq = word.indexOf('=');
            if (eq <= 0) {
                error(ctx, instruction.line, `ENV expects NAME=value pairs; "${word}" is not one`, instruction.endLine);
                continue;
            }
            const raw = word.slice(eq + 1);
            declarations.push({ name: unquote(word.slice(0, eq)), raw, value: expandWord(raw, scope, ctx.escape).value });
        }
    }
    let next = scope;
    for (const d of declarations)
        next = withBinding(next, d.name, { kind: 'env', value: d.value, line: instruction.line });
    instruction.variables = declarations;
    return next;
}
const AS_KEYWORD = /^as$/i;
function readStage(from, stages, globalScope, ctx) {
    const args = from.args;
    let imageWord = args[0] ?? '';
    let name = null;
    if (args.length === 0) {
        error(ctx, from.line, 'FROM needs an image', from.endLine);
    }
    else if (args.length === 3 && AS_KEYWORD.test(args[1])) {
        name = args[2];
    }
    else if (args.length !== 1) {
        error(ctx, from.line, `FROM expects "FROM [--platform=...] image [AS name]", got "${args.join(' ')}"`, from.endLine);
        if (args.length >= 2 && AS_KEYWORD.test(args[1]))
            name = args[2] ?? null;
        imageWord = args[0];
    }
    const platformFlag = from.flags.find((f) => f.name === 'platform');
    const expansion = expandWord(imageWord, globalScope, ctx.escape);
    const resolved = expansion.value;
    const base = {
        raw: imageWord,
        resolved,
        unresolved: expansion.unresolved,
        image: null,
        registry: null,
        tag: null,
        digest: null,
        platform: platformFlag?.value ?? null,
        kind: 'image',
        stage: null
    };
    const lower = resolved.toLowerCase();
    const baseIndex = ctx.stageIds.get(lower);
    const baseStage = baseIndex === undefined ? undefined : stages[baseIndex];
    if (lower === 'scratch')
        base.kind = 'scratch';
    else if (baseStage !== undefined) {
        base.kind = 'stage';
        base.stage = baseStage.index;
    }
    else if (resolved !== '') {
        const ref = parseImageReference(resolved);
        if (ref !== null) {
            base.image = ref.registry === null ? ref.name : `${ref.registry}/${ref.name}`;
            base.registry = ref.registry;
            base.tag = ref.tag;
            base.digest = ref.digest;
        }
        else if (expansion.unresolved.length === 0 && !expansion.malformed && referencedNames(imageWord).length === 0) {
            // A reference built from ARGs is the invalid-default-arg-in-from rule's (BuildKit's InvalidDefaultArgInFrom), not a parse error.
            error(ctx, from.line, `"${resolved}" is not a valid image reference`, from.endLine);
        }
    }
    return {
        index: stages.length,
        name,
        id: name === null ? null : name.toLowerCase(),
        line: from.line,
        endLine: from.endLine,
        base,
        instructions: [from]
    };
}

;// CONCATENATED MODULE: ./src/rules/engine.ts
/** Runs rules over one analysed file: scope, severity and the finding's shape are applied here, once. */


/** What a rule sees as its options: the declared defaults, overridden by the configured values. */
function optionsOf(rule, configured) {
    const values = {};
    for (const o of rule.meta.options ?? [])
        values[o.name] = configured?.[rule.meta.id]?.[o.name] ?? o.default;
    return values;
}
/** `# check=experimental=Name|all` turns BuildKit's experimental checks on, as in BuildKit. */
function experimentalOn(context, rule) {
    const list = context.model.directives.check?.experimental ?? [];
    return list === 'all' || (rule.meta.equivalents.buildkit !== null && list.includes(rule.meta.equivalents.buildkit));
}
function runRules(context, options = {}) {
    const rules = context.rules;
    const findings = [];
    const lastLine = context.model.lineCount;
    const suppressions = readSuppressions(context.model, rules);
    for (const rule of rules) {
        const level = options.levels?.[rule.meta.id];
        if (level === 'off' || (rule.meta.experimental === true && level === undefined && !experimentalOn(context, rule)))
            continue;
        for (const report of rule.check({ ...context, options: optionsOf(rule, options.options) })) {
            if (rule.meta.scope === 'ships' && report.stage !== null && context.graph.roles[report.stage] !== 'ships')
                continue;
            const line = Math.min(Math.max(1, report.line), lastLine);
            const suppressedElsewhere = (report.alsoSuppressedAt ?? []).some((at) => isSuppressed(suppressions, { rule: rule.meta.id, line: at }));
            if (suppressedElsewhere)
                continue;
            findings.push({
                rule: rule.meta.id,
                severity: level ?? report.severity ?? rule.meta.severity,
                line,
                endLine: Math.min(Math.max(line, report.endLine ?? line), lastLine),
                message: report.message,
                stage: report.stage,
                equivalents: rule.meta.equivalents
            });
        }
    }
    const kept = findings.filter((f) => !isSuppressed(suppressions, f));
    if (suppressions.buildkitErrors) {
        // `# check=error=true`: BuildKit fails the build on its checks, so they are errors here too.
        for (const f of kept)
            if (f.equivalents.buildkit !== null)
                f.severity = 'error';
    }
    return oneFindingPerCause(kept.sort(compareFindings));
}
/**
 * The same rule saying the same thing on many lines of a file is one cause: one finding at the
 * first line that lists the others (`alsoAt`), not 34 annotations. Findings arrive sorted by line.
 */
function oneFindingPerCause(findings) {
    const first = new Map();
    const out = [];
    for (const f of findings) {
        const key = `${f.rule}\u0000${f.severity}\u0000${f.message}`;
        const seen = first.get(key);
        if (seen === undefined) {
            first.set(key, f);
            out.push(f);
        }
        else
            (seen.alsoAt ??= []).push(f.line);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/review/analyze.ts





const INTERNAL_ERROR = 'internal-error';
/** With several built targets, each finding about a stage names the targets that need that stage. */
function withTargets(findings, model, graph) {
    if (graph.targets.length < 2)
        return findings;
    const label = (stage) => model.stages[stage]?.name ?? `stage ${stage}`;
    for (const f of findings) {
        if (f.stage === null)
            continue;
        const stage = f.stage;
        const targets = graph.targets.filter((t) => (t.needs ?? [t.stage]).includes(stage)).map((t) => label(t.stage));
        if (targets.length > 0)
            f.targets = targets;
    }
    return findings;
}
/** The rules over a parsed file: the last step of analyzeDockerfile (the rule tester calls it on a frozen model). */
function checkFile(model, graph, options = {}) {
    return runRules({ model, graph, rules: RULES, buildContext: options.buildContext }, { levels: options.levels ?? {}, options: options.options ?? {} });
}
function analyzeDockerfile(path, text, options = {}) {
    try {
        const model = parseDockerfile(text, { buildArgs: options.buildArgs ?? {} });
        const graph = buildStageGraph(model, { target: options.target ?? null, path, ...(options.targets === undefined ? {} : { targets: options.targets }), anyTarget: options.anyTarget === true, ...(options.configuredPurpose === undefined ? {} : { configuredPurpose: options.configuredPurpose }) });
        return { path, model, graph, findings: withTargets(checkFile(model, graph, options), model, graph) };
    }
    catch (err) {
        // A bug of ours must not hide the file: say so on the file, keep going with the others.
        const message = err instanceof Error ? err.message : String(err);
        const model = parseDockerfile('');
        const finding = {
            rule: INTERNAL_ERROR,
            severity: 'error',
            line: 1,
            endLine: 1,
            message: `Stagecraft failed on this file (${message}); please report it with the file attached`,
            stage: null,
            equivalents: NO_EQUIVALENTS
        };
        return { path, model: { ...model, errors: [] }, graph: { edges: [], external: [], target: null, targets: [], anyTarget: false, roles: [], problems: [] }, findings: [finding] };
    }
}

;// CONCATENATED MODULE: ./src/review/options.ts
/** The analysis options a configuration and the caller's overrides give, shared by the CLI and the action. */
function analysisOptions(config, overrides) {
    return {
        target: overrides.target ?? config.target,
        buildArgs: { ...config.buildArgs, ...overrides.buildArgs },
        levels: { ...config.rules, ...overrides.levels },
        options: config.options
    };
}

;// CONCATENATED MODULE: ./src/diff/patch.ts
/**
 * The lines a pull request changed, from the `patch` GitHub gives per file (a unified diff
 * without the file headers). Only added lines count: a finding on a line the PR did not touch
 * is not the PR's doing.
 */
/** Added line numbers (new-file side) as merged ranges, in order. */
function changedLines(patch) {
    const ranges = [];
    let line = 0;
    let inHunk = false;
    for (const text of patch.split('\n')) {
        const header = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(text);
        if (header !== null) {
            line = Number(header[1]);
            inHunk = true;
            continue;
        }
        if (!inHunk)
            continue;
        const mark = text[0];
        if (mark === '+') {
            const last = ranges[ranges.length - 1];
            if (last !== undefined && last.end === line - 1)
                last.end = line;
            else
                ranges.push({ start: line, end: line });
            line++;
        }
        else if (mark === ' ' || text === '') {
            line++;
        }
        else if (mark === '\\') {
            // "\ No newline at end of file": not a line.
        }
        // '-' lines exist only in the old file.
    }
    return ranges;
}
function patch_touches(ranges, start, end) {
    return ranges.some((r) => r.start <= end && start <= r.end);
}

;// CONCATENATED MODULE: ./src/review/policy.ts
/**
 * Which findings a pull request owns, and what they make of the check: fails or not, its conclusion. Pure.
 *   changed-lines (default): findings on lines the PR added, plus findings about the file as a
 *     whole (stage graph, shipped image) when the file changed at all;
 *   changed-files: every finding of a changed file;  all: every finding.
 */


function selectFindings(analysis, changed, mode, rules) {
    if (mode === 'all')
        return analysis.findings;
    if (changed === undefined)
        return [];
    if (mode === 'changed-files' || changed === 'all')
        return analysis.findings;
    const fileLevel = new Set(rules.filter((r) => r.meta.about === 'file').map((r) => r.meta.id));
    return analysis.findings.filter((f) => fileLevel.has(f.rule) || patch_touches(changed, f.line, f.endLine) || (f.alsoAt ?? []).some((line) => patch_touches(changed, line, line)));
}
function fails(findings, failOn) {
    if (failOn === 'never')
        return false;
    const threshold = severityRank(failOn);
    return findings.some((f) => severityRank(f.severity) >= threshold);
}
/** The check run's conclusion: failure when fail-on is reached, neutral for other findings, else success. */
function conclusion(findings, failOn) {
    if (fails(findings, failOn))
        return 'failure';
    return findings.length > 0 ? 'neutral' : 'success';
}

;// CONCATENATED MODULE: ./src/enrich/built-image.ts
/**
 * A dive-like breakdown of the image the workflow built: its layers with their sizes, each
 * mapped to where it came from — the base image, or the instruction of the shipping stages that
 * made it (through the config's `history`, as BuildKit writes it) — the largest layers, and the
 * waste a reviewer can act on. Pure: the manifests come from the registry client.
 */


/** `RUN /bin/sh -c apk add x # buildkit` → `RUN apk add x`; the legacy builder's `/bin/sh -c #(nop) ` too. */
function cleanCreatedBy(createdBy) {
    let text = createdBy.trim();
    if (text.endsWith('# buildkit'))
        text = text.slice(0, -'# buildkit'.length).trim();
    text = text.replace(/^\/bin\/sh -c #\(nop\)\s+/, '');
    if (text.startsWith('/bin/sh -c '))
        text = `RUN ${text.slice('/bin/sh -c '.length)}`;
    text = text.replace(/^RUN \/bin\/sh -c /, 'RUN ').replace(/^RUN \|\d+ (?:[^\s=]+=\S* )*\/bin\/sh -c /, 'RUN ');
    return text;
}
const LAYER_KEYWORDS = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR']);
/** Non-empty history entries, in order: one per layer. */
function layerHistory(history) {
    return history.filter((h) => h.empty_layer !== true);
}
function describeBuiltImage(analysis, built, base) {
    const { model, graph } = analysis;
    const baseLayers = base?.ok === true ? base.layers.length : 0;
    const history = layerHistory(built.config?.history ?? []);
    const chain = graph.target === null ? [] : stageChain(model, graph.target);
    // Instructions that can make a layer, in build order (the root FROM's image is the base).
    const candidates = chain.flatMap((stage) => stage.instructions.filter((i) => LAYER_KEYWORDS.has(i.keyword)).map((ins) => ({ ins, stage })));
    let next = 0;
    const copyEdge = copyEdgeFinder(graph);
    const findingsAt = (line) => [...new Set(analysis.findings.filter((f) => f.line <= line && f.endLine >= line).map((f) => f.rule))];
    const layers = built.layers.map((layer, index) => {
        const createdBy = cleanCreatedBy(history[index]?.created_by ?? '');
        const row = { index, digest: layer.digest, size: layer.size, createdBy: createdBy.length > 120 ? `${createdBy.slice(0, 119)}…` : createdBy, origin: 'unknown', line: null, stage: null, copiedFrom: null, findings: [] };
        if (index < baseLayers)
            return { ...row, origin: 'base image' };
        const keyword = createdBy.split(/\s+/)[0]?.toUpperCase() ?? '';
        // The next instruction of the same kind; history and instructions run in the same order.
        let k = next;
        while (k < candidates.length && candidates[k].ins.keyword !== keyword)
            k++;
        const match = candidates[k];
        if (match === undefined)
            return row;
        next = k + 1;
        const edge = match.ins.copy?.from !== null && match.ins.copy?.from !== undefined ? copyEdge(match.stage.index, match.ins.line) : undefined;
        const copiedFrom = edge !== undefined ? stageLabel(model.stages[edge.to]) : (match.ins.copy?.from ?? null);
        return { ...row, origin: 'instruction', line: match.ins.line, stage: stageLabel(match.stage), copiedFrom, findings: findingsAt(match.ins.line) };
    });
    const compressedSize = layers.reduce((n, l) => n + l.size, 0);
    const baseSize = layers.filter((l) => l.origin === 'base image').reduce((n, l) => n + l.size, 0);
    const added = compressedSize - baseSize;
    const waste = [];
    for (const l of layers) {
        if (l.origin !== 'instruction' || l.line === null)
            continue;
        const ins = model.instructions.find((i) => i.line === l.line);
        const sources = ins?.copy?.sources ?? [];
        if (l.copiedFrom !== null && sources.some((s) => s === '/' || s === '.' || s === './'))
            waste.push(`layer ${l.index} (line ${l.line}) copies the whole of ${l.copiedFrom}: copy only the files the image needs`);
        else if (l.copiedFrom === null && ins?.keyword === 'COPY' && sources.some((s) => s === '.' || s === './') && added > 0 && l.size > added / 2)
            waste.push(`layer ${l.index} (line ${l.line}) copies the whole build context and is most of what this Dockerfile adds: check .dockerignore`);
        if (l.findings.length > 0 && added > 0 && l.size >= added / 10)
            waste.push(`layer ${l.index} (line ${l.line}) is ${Math.round((l.size / added) * 100)}% of what this Dockerfile adds and has findings: ${l.findings.join(', ')}`);
    }
    const unmatched = layers.filter((l) => l.origin === 'unknown').length;
    if (unmatched > 0)
        waste.push(`${unmatched} layer(s) could not be matched to an instruction (the image may come from another Dockerfile or target)`);
    return { image: built.image, platform: built.platform, compressedSize, baseLayers, baseSize, layers, largest: [...layers].sort((a, b) => b.size - a.size).slice(0, 5), waste };
}

;// CONCATENATED MODULE: ./src/review/registry-lookups.ts
/**
 * Looks up every external base image of the analysed files (all stages, and the PR's base
 * versions too) once per image and platform, with the client's bounded concurrency and cache.
 */



/** What the action and the CLI ask the registries: base sizes for every version (one cache), then the built images. */
async function askRegistries(analyses, baseVersions, client, ask) {
    const sizes = ask.sizes ? await lookupBaseImages([...analyses, ...baseVersions], client) : undefined;
    if (ask.images.length === 0)
        return { sizes, builtImages: undefined, notes: [] };
    const inspected = await inspectBuiltImages(analyses, ask.images, client);
    return { sizes, builtImages: inspected.images, notes: inspected.notes };
}
async function lookupBaseImages(analyses, client) {
    const wanted = new Map();
    for (const a of analyses) {
        for (const stage of a.model.stages) {
            const base = describeBase(stage, a.model.stages);
            if (base.kind !== 'image')
                continue;
            const platform = platformOf(base);
            wanted.set(sizeKey(base.label, platform), { image: base.label, platform });
        }
    }
    const results = await Promise.all([...wanted].map(async ([key, w]) => [key, await client.lookup(w.image, w.platform)]));
    return new Map(results);
}
/**
 * The images the workflow built (`ref`, or `path=ref` when several Dockerfiles are reviewed):
 * their manifests and configs, and their base image's layer count, mapped onto the Dockerfile.
 */
async function inspectBuiltImages(analyses, specs, client) {
    const images = new Map();
    const notes = [];
    for (const spec of specs) {
        const eq = spec.indexOf('=');
        const path = eq > 0 ? spec.slice(0, eq).trim() : analyses.length === 1 ? analyses[0].path : null;
        const image = (eq > 0 ? spec.slice(eq + 1) : spec).trim();
        const analysis = analyses.find((a) => a.path === path);
        if (analysis === undefined) {
            notes.push(path === null ? `image ${image}: several Dockerfiles are reviewed, so say which one built it (path=${image})` : `image ${image}: ${path} is not among the reviewed Dockerfiles`);
            continue;
        }
        const shipped = describeShippedImage(analysis.model, analysis.graph);
        const platform = shipped === null ? 'linux/amd64' : platformOf(shipped.base);
        const built = await client.lookup(image, platform);
        if (!built.ok) {
            images.set(analysis.path, { image, reason: built.reason });
            continue;
        }
        const base = shipped !== null && shipped.base.kind === 'image' ? await client.lookup(shipped.base.label, platform) : null;
        if (base !== null && !base.ok)
            notes.push(`image ${image}: the base image ${shipped?.base.label ?? ''} could not be read (${base.reason}), so its layers are not told apart from the Dockerfile's`);
        images.set(analysis.path, describeBuiltImage(analysis, built, base));
    }
    return { images, notes };
}

;// CONCATENATED MODULE: ./src/review/builds.ts
/** `./a/../b/Dockerfile` → `b/Dockerfile`, as the build readers write paths. */
function repoPath(path) {
    const out = [];
    for (const part of path.split(/[\\/]+/)) {
        if (part === '' || part === '.')
            continue;
        if (part === '..')
            out.pop();
        else
            out.push(part);
    }
    return out.join('/');
}
const builds_where = (b) => `${b.source.file}:${b.source.line}`;
function buildsOf(result, path) {
    const own = result.builds.filter((b) => b.dockerfile === repoPath(path));
    const targets = own
        .filter((b) => !b.targetUnknown)
        .map((b) => ({
        name: b.target,
        builtBy: builds_where(b),
        // Pushed to a registry: it is deployed (or pulled) as an image.
        ...(b.push === true ? { purpose: 'runtime', because: `it is pushed by ${builds_where(b)}` } : {}),
        ...(b.kind === 'compose' && b.service !== undefined ? { service: { ...b.service, name: b.name, source: builds_where(b) } } : {}),
        // A dev container is an environment by definition.
        ...(b.kind === 'devcontainer' ? { purpose: 'environment', because: `it is the dev container of ${b.source.file}` } : {})
    }));
    const contexts = [...new Set(own.map((b) => b.context).filter((c) => c !== null))];
    const args = {};
    const names = new Set(own.flatMap((b) => Object.keys(b.args)));
    for (const name of names) {
        const values = new Set(own.map((b) => (name in b.args ? b.args[name] : undefined)));
        const only = values.size === 1 ? [...values][0] : undefined;
        if (typeof only === 'string')
            args[name] = only;
    }
    return { builds: own, targets, anyTarget: own.some((b) => b.targetUnknown), context: contexts[0] ?? null, args };
}

;// CONCATENATED MODULE: ./src/review/review.ts
/**
 * The one review pipeline, shared by the action and the CLI: which files (the caller's sources),
 * configuration and ignores, each file's build context, its analysis, its version before the
 * change, the registry look-ups, and which findings the change owns. Everything after this is
 * rendering (src/report) and publishing (src/github, src/cli).
 */











function purposeRules(config, path) {
    const purpose = configuredPurpose(config, repoPath(path));
    return purpose === null ? null : { configuredPurpose: purpose };
}
async function review(sources, options, deps) {
    const { config } = loadConfig(options.root, options.configFile, RULES);
    const ignored = ignoredBy(config);
    const fileOptions = analysisOptions(config, options.overrides);
    const builds = deps.repository === undefined || deps.repository === null ? null : readBuildDefinitions(deps.repository);
    const notes = [...(options.notes ?? [])];
    const files = [];
    const unread = [];
    const owned = [];
    let reviewed = 0;
    for (const source of sources) {
        if (ignored(source.path))
            continue;
        const content = await source.read();
        if (!content.ok) {
            unread.push({ path: source.path, reason: content.reason });
            continue;
        }
        const built = builds === null ? null : buildsOf(builds, source.path);
        // An explicit target (--target, the target input) beats the build definitions; they beat the configuration's.
        const fromBuilds = options.overrides.target === null && built !== null && (built.targets.length > 0 || built.anyTarget);
        const analysisOptions = {
            ...fileOptions,
            buildArgs: { ...config.buildArgs, ...(built?.args ?? {}), ...options.overrides.buildArgs },
            ...(fromBuilds ? { targets: (built).targets, anyTarget: (built).anyTarget } : {}),
            ...(purposeRules(config, source.path) ?? {}),
            buildContext: deps.buildContext(source.path, built?.context ?? null)
        };
        const analysis = analyzeDockerfile(source.path, content.text, analysisOptions);
        const file = { path: source.path, analysis, owned: selectFindings(analysis, source.changed, options.annotate, RULES), builds: built?.builds ?? [] };
        if (source.readPrevious !== undefined) {
            const before = source.status === 'added' ? { ok: false, reason: 'added', missing: true } : await source.readPrevious();
            if (before.ok)
                file.previous = analyzeDockerfile(source.path, before.text, analysisOptions);
            else if (before.missing === true)
                file.previous = 'new';
            else
                notes.push(`The base version of ${source.path} could not be read (${before.reason}); its comparison is left out.`);
        }
        deps.onFile?.(file);
        reviewed++;
        owned.push(...file.owned.map((finding) => ({ path: file.path, finding })));
        if (options.retain !== false)
            files.push(file);
    }
    const result = { config, builds, files, reviewed, unread, removed: (options.removed ?? []).filter((p) => !ignored(p)), notes, owned, fails: false, conclusion: 'success' };
    const { registry } = options;
    if ((registry.sizes || registry.images.length > 0) && files.length > 0) {
        const client = deps.registry ?? new RegistryClient({ ...(registry.credentials === undefined ? {} : { credentials: registry.credentials }), ...(registry.timeoutMs === undefined ? {} : { timeoutMs: registry.timeoutMs }) });
        const analyses = files.map((f) => f.analysis);
        const previous = new Map(files.filter((f) => f.previous !== undefined).map((f) => [f.path, f.previous]));
        const answers = await askRegistries(analyses, analysedVersions(previous), client, { sizes: registry.sizes, images: registry.images });
        if (answers.sizes !== undefined)
            result.sizes = answers.sizes;
        if (answers.builtImages !== undefined)
            result.builtImages = answers.builtImages;
        notes.push(...answers.notes);
        const failed = [...(answers.sizes?.values() ?? [])].flatMap((l) => (l.ok ? [] : [{ image: l.image, reason: l.reason }]));
        if (answers.sizes !== undefined)
            result.registry = { images: answers.sizes.size, failed, requests: client.stats.requests, ms: client.stats.ms };
    }
    const ownedFindings = owned.map((o) => o.finding);
    result.fails = fails(ownedFindings, options.failOn);
    result.conclusion = conclusion(ownedFindings, options.failOn);
    return result;
}

;// CONCATENATED MODULE: ./src/rules/docs.ts
function scopeLabel(meta) {
    return meta.scope === 'all' ? 'all stages' : 'shipped stages only';
}
/** The quote line under a doc page's title. */
function metaLine(meta) {
    const parts = [meta.title, meta.experimental === true ? `off by default (${meta.severity} when on)` : meta.severity, meta.category, scopeLabel(meta)];
    if (meta.equivalents.hadolint !== null)
        parts.push(`hadolint ${meta.equivalents.hadolint}`);
    if (meta.equivalents.buildkit !== null)
        parts.push(`BuildKit ${meta.equivalents.buildkit}`);
    return `> ${parts.join(' · ')}`;
}
/** docs/rules/README.md: one row per rule. */
function rulesIndex(rules) {
    const rows = documentationOrder(rules).map(({ meta }) => {
        const cells = [`[\`${meta.id}\`](${meta.id}.md)`, meta.title, meta.experimental === true ? 'off' : meta.severity, meta.category, scopeLabel(meta), meta.equivalents.hadolint ?? '', meta.equivalents.buildkit ?? ''];
        return `| ${cells.join(' | ')} |`;
    });
    return [
        '# Rules',
        '',
        'Generated from the rule metadata (`npm run docs`); a test fails when this page is out of date.',
        '',
        '| rule | what | default | category | scope | hadolint | BuildKit |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        ...rows,
        ''
    ].join('\n');
}
const CATEGORY_ORDER = ['correctness', 'structure', 'size', 'cache', 'security', 'style'];
const CATEGORY_LABEL = { correctness: 'correctness', structure: 'structure', size: 'size (what ships)', cache: 'cache', security: 'security', style: 'style' };
/** Rules in documentation order: by category, then id. */
function documentationOrder(rules) {
    return [...rules].sort((a, b) => CATEGORY_ORDER.indexOf(a.meta.category) - CATEGORY_ORDER.indexOf(b.meta.category) || a.meta.id.localeCompare(b.meta.id));
}
/**
 * The rule a source file defines, read from its text (the registry cannot import what it does
 * not list yet): a file `<id>.ts` that exports one constant and names its own id.
 */
function ruleModuleOf(fileName, text) {
    const id = fileName.replace(/\.ts$/, '');
    const exported = [...text.matchAll(/^export const (\w+)\b/gm)];
    if (exported.length !== 1 || !text.includes(`'${id}'`))
        return null;
    return { id, exportName: exported[0][1] };
}
/** src/rules/registry.ts, generated by `npm run docs` from the rule files. */
function registrySource(modules) {
    const ordered = [...modules].sort((a, b) => a.id.localeCompare(b.id));
    return [
        '/** Every rule, by id. Generated by `npm run docs` from the files src/rules/<id>.ts: do not edit. */',
        ...ordered.map((m) => `import { ${m.exportName} } from './${m.id}.js'`),
        "import type { Rule } from './types.js'",
        '',
        'export const RULES: readonly Rule[] = [',
        ordered.map((m) => `  ${m.exportName}`).join(',\n'),
        ']',
        '',
        'export function ruleById(id: string): Rule | undefined {',
        '  return RULES.find((r) => r.meta.id === id)',
        '}',
        ''
    ].join('\n');
}
const README_RULES_START = '<!-- rules: generated by npm run docs -->';
const README_RULES_END = '<!-- /rules -->';
/** The README's rule section between its markers: the count and a table by category. */
function readmeRules(rules) {
    const note = (meta) => (meta.experimental === true ? ' (off by default)' : (meta.options ?? []).length > 0 ? ' (configured)' : '');
    const rows = CATEGORY_ORDER.flatMap((category) => {
        const ids = documentationOrder(rules.filter((r) => r.meta.category === category)).map((r) => `\`${r.meta.id}\`${note(r.meta)}`);
        return ids.length === 0 ? [] : [`| ${CATEGORY_LABEL[category]} | ${ids.join(', ')} |`];
    });
    return [
        README_RULES_START,
        `${rules.length} rules, one page each in [\`docs/rules/\`](docs/rules/README.md) (why, a bad and a good example;`,
        'a test checks that every bad example triggers its rule and every good one does not). List them',
        'with `npx stagecraft --list-rules`.',
        '',
        '| category | rules |',
        '| --- | --- |',
        ...rows,
        README_RULES_END
    ].join('\n');
}
/** The README with its rule section replaced; null when it has no markers. */
function withReadmeRules(readme, rules) {
    const start = readme.indexOf(README_RULES_START);
    const end = readme.indexOf(README_RULES_END);
    if (start < 0 || end < start)
        return null;
    return readme.slice(0, start) + readmeRules(rules) + readme.slice(end + README_RULES_END.length);
}

;// CONCATENATED MODULE: ./src/sources/build-context.ts
/**
 * What Stagecraft can know of the build context without building: its .dockerignore. The context
 * is the folder a build definition names, else the Dockerfile's folder (the usual
 * `docker build -f dir/Dockerfile dir`). BuildKit prefers `<Dockerfile>.dockerignore` next to
 * the Dockerfile over the context's `.dockerignore`.
 */


const build_context_NONE = Object.freeze({ dockerignore: null, dockerignorePath: null });
/**
 * Reads build contexts under `root`, listing each folder once: probing two names per Dockerfile
 * with failing opens cost more than the analysis on large runs. Synchronous on purpose: the
 * files are small and a promise per file costs thread-pool round trips.
 */
class BuildContextReader {
    root;
    listings = new Map();
    constructor(root) {
        this.root = root;
    }
    listing(folder) {
        let listed = this.listings.get(folder);
        if (listed === undefined) {
            try {
                const dirents = (0,external_node_fs_namespaceObject.readdirSync)(folder, { withFileTypes: true });
                // Regular files only: a FIFO or a link planted by a pull request is not read.
                listed = { ignores: new Set(dirents.filter((d) => d.isFile() && d.name.endsWith('.dockerignore')).map((d) => d.name)), entries: new Set(dirents.map((d) => d.name)) };
            }
            catch {
                listed = { ignores: new Set(), entries: new Set() };
            }
            this.listings.set(folder, listed);
        }
        return listed;
    }
    readIn(folder, name, shown) {
        if (!this.listing(folder).ignores.has(name))
            return null;
        try {
            return { dockerignore: (0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.join)(folder, name), 'utf8'), dockerignorePath: shown };
        }
        catch {
            // A folder, or unreadable: as if it were not there, like the next candidate.
            return null;
        }
    }
    /** The context of the Dockerfile at `path` (relative to the root, as reported); `context` is the build's context folder, when known. */
    read(path, context = null) {
        const absolute = (0,external_node_path_namespaceObject.resolve)(this.root, path);
        const own = `${(0,external_node_path_namespaceObject.basename)(absolute)}.dockerignore`;
        const nextTo = own === '.dockerignore.dockerignore' ? null : this.readIn((0,external_node_path_namespaceObject.dirname)(absolute), own, (0,external_node_path_namespaceObject.join)((0,external_node_path_namespaceObject.dirname)(path), own));
        if (nextTo !== null)
            return { ...nextTo, entries: this.listing(context === null ? (0,external_node_path_namespaceObject.dirname)(absolute) : (0,external_node_path_namespaceObject.resolve)(this.root, context)).entries };
        const folder = context === null ? (0,external_node_path_namespaceObject.dirname)(absolute) : (0,external_node_path_namespaceObject.resolve)(this.root, context);
        const found = this.readIn(folder, '.dockerignore', context === null ? (0,external_node_path_namespaceObject.join)((0,external_node_path_namespaceObject.dirname)(path), '.dockerignore') : (0,external_node_path_namespaceObject.join)(context, '.dockerignore')) ?? build_context_NONE;
        return { ...found, entries: this.listing(folder).entries };
    }
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/sources/repository.ts
/**
 * The repository's files as the build-definition readers see them (src/builds): the list, from
 * git when the folder is a work tree (what is tracked or not ignored), else a walk that skips
 * dependency and VCS folders; and each file's text, read only when asked for.
 */



const SKIPPED = new Set(['.git', 'node_modules', 'vendor', 'third_party', '.venv', '__pycache__']);
/** A walk stops here: a folder this big is not a repository to read build files from. */
const MAX_FILES = 200_000;
/** Build definition files are small; a larger one is not read (a note says it cannot be read). */
const MAX_BYTES = 4 * 1024 * 1024;
function gitFiles(root) {
    try {
        const out = (0,external_node_child_process_namespaceObject.execFileSync)('git', ['-C', root, 'ls-files', '-z', '--cached', '--others', '--exclude-standard'], { stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
        return out.toString('utf8').split('\0').filter((p) => p !== '');
    }
    catch {
        return null;
    }
}
function walk(root) {
    const out = [];
    const pending = [root];
    while (pending.length > 0 && out.length < MAX_FILES) {
        const dir = pending.pop();
        let entries;
        try {
            entries = (0,external_node_fs_namespaceObject.readdirSync)(dir, { withFileTypes: true });
        }
        catch {
            continue;
        }
        for (const e of entries) {
            if (e.isDirectory()) {
                if (!SKIPPED.has(e.name))
                    pending.push((0,external_node_path_namespaceObject.join)(dir, e.name));
            }
            else if (e.isFile())
                out.push((0,external_node_path_namespaceObject.relative)(root, (0,external_node_path_namespaceObject.join)(dir, e.name)).split(external_node_path_namespaceObject.sep).join('/'));
        }
    }
    return out;
}
function repositoryFiles(root) {
    const absolute = (0,external_node_path_namespaceObject.resolve)(root);
    let list = null;
    return {
        list: () => (list ??= gitFiles(absolute) ?? walk(absolute)),
        read: (path) => {
            const file = (0,external_node_path_namespaceObject.resolve)(absolute, path);
            // Inside the repository, a regular file (not a link or a FIFO a pull request planted), of a sane size.
            if (!file.startsWith(absolute + external_node_path_namespaceObject.sep))
                return null;
            try {
                const stat = (0,external_node_fs_namespaceObject.lstatSync)(file);
                if (!stat.isFile() || stat.size > MAX_BYTES)
                    return null;
                return (0,external_node_fs_namespaceObject.readFileSync)(file, 'utf8');
            }
            catch {
                return null;
            }
        }
    };
}

;// CONCATENATED MODULE: external "fs"
const external_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");
var external_fs_namespaceObject_0 = /*#__PURE__*/__nccwpck_require__.t(external_fs_namespaceObject, 2);
;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");
;// CONCATENATED MODULE: external "url"
const external_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");
;// CONCATENATED MODULE: external "module"
const external_module_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("module");
;// CONCATENATED MODULE: ./node_modules/tinyglobby/node_modules/fdir/dist/index.mjs




//#region rolldown:runtime
var __require = /* @__PURE__ */ (0,external_module_namespaceObject.createRequire)(import.meta.url);

//#endregion
//#region src/utils.ts
function cleanPath(path) {
	let normalized = (0,external_path_namespaceObject.normalize)(path);
	if (normalized.length > 1 && normalized[normalized.length - 1] === external_path_namespaceObject.sep) normalized = normalized.substring(0, normalized.length - 1);
	return normalized;
}
const SLASHES_REGEX = /[\\/]/g;
function convertSlashes(path, separator) {
	return path.replace(SLASHES_REGEX, separator);
}
const WINDOWS_ROOT_DIR_REGEX = /^[a-z]:[\\/]$/i;
function isRootDirectory(path) {
	return path === "/" || WINDOWS_ROOT_DIR_REGEX.test(path);
}
function normalizePath(path, options) {
	const { resolvePaths, normalizePath: normalizePath$1, pathSeparator } = options;
	const pathNeedsCleaning = process.platform === "win32" && path.includes("/") || path.startsWith(".");
	if (resolvePaths) path = (0,external_path_namespaceObject.resolve)(path);
	if (normalizePath$1 || pathNeedsCleaning) path = cleanPath(path);
	if (path === ".") return "";
	const needsSeperator = path[path.length - 1] !== pathSeparator;
	return convertSlashes(needsSeperator ? path + pathSeparator : path, pathSeparator);
}

//#endregion
//#region src/api/functions/join-path.ts
function joinPathWithBasePath(filename, directoryPath) {
	return directoryPath + filename;
}
function joinPathWithRelativePath(root, options) {
	return function(filename, directoryPath) {
		const sameRoot = directoryPath.startsWith(root);
		if (sameRoot) return directoryPath.slice(root.length) + filename;
		else return convertSlashes((0,external_path_namespaceObject.relative)(root, directoryPath), options.pathSeparator) + options.pathSeparator + filename;
	};
}
function dist_joinPath(filename) {
	return filename;
}
function joinDirectoryPath(filename, directoryPath, separator) {
	return directoryPath + filename + separator;
}
function build$7(root, options) {
	const { relativePaths, includeBasePath } = options;
	return relativePaths && root ? joinPathWithRelativePath(root, options) : includeBasePath ? joinPathWithBasePath : dist_joinPath;
}

//#endregion
//#region src/api/functions/push-directory.ts
function pushDirectoryWithRelativePath(root) {
	return function(directoryPath, paths) {
		paths.push(directoryPath.substring(root.length) || ".");
	};
}
function pushDirectoryFilterWithRelativePath(root) {
	return function(directoryPath, paths, filters) {
		const relativePath = directoryPath.substring(root.length) || ".";
		if (filters.every((filter) => filter(relativePath, true))) paths.push(relativePath);
	};
}
const pushDirectory = (directoryPath, paths) => {
	paths.push(directoryPath || ".");
};
const pushDirectoryFilter = (directoryPath, paths, filters) => {
	const path = directoryPath || ".";
	if (filters.every((filter) => filter(path, true))) paths.push(path);
};
const empty$2 = () => {};
function build$6(root, options) {
	const { includeDirs, filters, relativePaths } = options;
	if (!includeDirs) return empty$2;
	if (relativePaths) return filters && filters.length ? pushDirectoryFilterWithRelativePath(root) : pushDirectoryWithRelativePath(root);
	return filters && filters.length ? pushDirectoryFilter : pushDirectory;
}

//#endregion
//#region src/api/functions/push-file.ts
const pushFileFilterAndCount = (filename, _paths, counts, filters) => {
	if (filters.every((filter) => filter(filename, false))) counts.files++;
};
const pushFileFilter = (filename, paths, _counts, filters) => {
	if (filters.every((filter) => filter(filename, false))) paths.push(filename);
};
const pushFileCount = (_filename, _paths, counts, _filters) => {
	counts.files++;
};
const pushFile = (filename, paths) => {
	paths.push(filename);
};
const empty$1 = () => {};
function build$5(options) {
	const { excludeFiles, filters, onlyCounts } = options;
	if (excludeFiles) return empty$1;
	if (filters && filters.length) return onlyCounts ? pushFileFilterAndCount : pushFileFilter;
	else if (onlyCounts) return pushFileCount;
	else return pushFile;
}

//#endregion
//#region src/api/functions/get-array.ts
const getArray = (paths) => {
	return paths;
};
const getArrayGroup = () => {
	return [""].slice(0, 0);
};
function build$4(options) {
	return options.group ? getArrayGroup : getArray;
}

//#endregion
//#region src/api/functions/group-files.ts
const groupFiles = (groups, directory, files) => {
	groups.push({
		directory,
		files,
		dir: directory
	});
};
const empty = () => {};
function build$3(options) {
	return options.group ? groupFiles : empty;
}

//#endregion
//#region src/api/functions/resolve-symlink.ts
const resolveSymlinksAsync = function(path, state, callback$1) {
	const { queue, fs, options: { suppressErrors } } = state;
	queue.enqueue();
	fs.realpath(path, (error, resolvedPath) => {
		if (error) return queue.dequeue(suppressErrors ? null : error, state);
		fs.stat(resolvedPath, (error$1, stat) => {
			if (error$1) return queue.dequeue(suppressErrors ? null : error$1, state);
			if (stat.isDirectory() && dist_isRecursive(path, resolvedPath, state)) return queue.dequeue(null, state);
			callback$1(stat, resolvedPath);
			queue.dequeue(null, state);
		});
	});
};
const resolveSymlinks = function(path, state, callback$1) {
	const { queue, fs, options: { suppressErrors } } = state;
	queue.enqueue();
	try {
		const resolvedPath = fs.realpathSync(path);
		const stat = fs.statSync(resolvedPath);
		if (stat.isDirectory() && dist_isRecursive(path, resolvedPath, state)) return;
		callback$1(stat, resolvedPath);
	} catch (e) {
		if (!suppressErrors) throw e;
	}
};
function build$2(options, isSynchronous) {
	if (!options.resolveSymlinks || options.excludeSymlinks) return null;
	return isSynchronous ? resolveSymlinks : resolveSymlinksAsync;
}
function dist_isRecursive(path, resolved, state) {
	if (state.options.useRealPaths) return isRecursiveUsingRealPaths(resolved, state);
	let parent = (0,external_path_namespaceObject.dirname)(path);
	let depth = 1;
	while (parent !== state.root && depth < 2) {
		const resolvedPath = state.symlinks.get(parent);
		const isSameRoot = !!resolvedPath && (resolvedPath === resolved || resolvedPath.startsWith(resolved) || resolved.startsWith(resolvedPath));
		if (isSameRoot) depth++;
		else parent = (0,external_path_namespaceObject.dirname)(parent);
	}
	state.symlinks.set(path, resolved);
	return depth > 1;
}
function isRecursiveUsingRealPaths(resolved, state) {
	return state.visited.includes(resolved + state.options.pathSeparator);
}

//#endregion
//#region src/api/functions/invoke-callback.ts
const onlyCountsSync = (state) => {
	return state.counts;
};
const groupsSync = (state) => {
	return state.groups;
};
const defaultSync = (state) => {
	return state.paths;
};
const limitFilesSync = (state) => {
	return state.paths.slice(0, state.options.maxFiles);
};
const onlyCountsAsync = (state, error, callback$1) => {
	dist_report(error, callback$1, state.counts, state.options.suppressErrors);
	return null;
};
const defaultAsync = (state, error, callback$1) => {
	dist_report(error, callback$1, state.paths, state.options.suppressErrors);
	return null;
};
const limitFilesAsync = (state, error, callback$1) => {
	dist_report(error, callback$1, state.paths.slice(0, state.options.maxFiles), state.options.suppressErrors);
	return null;
};
const groupsAsync = (state, error, callback$1) => {
	dist_report(error, callback$1, state.groups, state.options.suppressErrors);
	return null;
};
function dist_report(error, callback$1, output, suppressErrors) {
	if (error && !suppressErrors) callback$1(error, output);
	else callback$1(null, output);
}
function build$1(options, isSynchronous) {
	const { onlyCounts, group, maxFiles } = options;
	if (onlyCounts) return isSynchronous ? onlyCountsSync : onlyCountsAsync;
	else if (group) return isSynchronous ? groupsSync : groupsAsync;
	else if (maxFiles) return isSynchronous ? limitFilesSync : limitFilesAsync;
	else return isSynchronous ? defaultSync : defaultAsync;
}

//#endregion
//#region src/api/functions/walk-directory.ts
const readdirOpts = { withFileTypes: true };
const walkAsync = (state, crawlPath, directoryPath, currentDepth, callback$1) => {
	state.queue.enqueue();
	if (currentDepth < 0) return state.queue.dequeue(null, state);
	const { fs } = state;
	state.visited.push(crawlPath);
	state.counts.directories++;
	fs.readdir(crawlPath || ".", readdirOpts, (error, entries = []) => {
		callback$1(entries, directoryPath, currentDepth);
		state.queue.dequeue(state.options.suppressErrors ? null : error, state);
	});
};
const walkSync = (state, crawlPath, directoryPath, currentDepth, callback$1) => {
	const { fs } = state;
	if (currentDepth < 0) return;
	state.visited.push(crawlPath);
	state.counts.directories++;
	let entries = [];
	try {
		entries = fs.readdirSync(crawlPath || ".", readdirOpts);
	} catch (e) {
		if (!state.options.suppressErrors) throw e;
	}
	callback$1(entries, directoryPath, currentDepth);
};
function build(isSynchronous) {
	return isSynchronous ? walkSync : walkAsync;
}

//#endregion
//#region src/api/queue.ts
/**
* This is a custom stateless queue to track concurrent async fs calls.
* It increments a counter whenever a call is queued and decrements it
* as soon as it completes. When the counter hits 0, it calls onQueueEmpty.
*/
var Queue = class {
	count = 0;
	constructor(onQueueEmpty) {
		this.onQueueEmpty = onQueueEmpty;
	}
	enqueue() {
		this.count++;
		return this.count;
	}
	dequeue(error, output) {
		if (this.onQueueEmpty && (--this.count <= 0 || error)) {
			this.onQueueEmpty(error, output);
			if (error) {
				output.controller.abort();
				this.onQueueEmpty = void 0;
			}
		}
	}
};

//#endregion
//#region src/api/counter.ts
var Counter = class {
	_files = 0;
	_directories = 0;
	set files(num) {
		this._files = num;
	}
	get files() {
		return this._files;
	}
	set directories(num) {
		this._directories = num;
	}
	get directories() {
		return this._directories;
	}
	/**
	* @deprecated use `directories` instead
	*/
	/* c8 ignore next 3 */
	get dirs() {
		return this._directories;
	}
};

//#endregion
//#region src/api/aborter.ts
/**
* AbortController is not supported on Node 14 so we use this until we can drop
* support for Node 14.
*/
var Aborter = class {
	aborted = false;
	abort() {
		this.aborted = true;
	}
};

//#endregion
//#region src/api/walker.ts
var Walker = class {
	root;
	isSynchronous;
	state;
	joinPath;
	pushDirectory;
	pushFile;
	getArray;
	groupFiles;
	resolveSymlink;
	walkDirectory;
	callbackInvoker;
	constructor(root, options, callback$1) {
		this.isSynchronous = !callback$1;
		this.callbackInvoker = build$1(options, this.isSynchronous);
		this.root = normalizePath(root, options);
		this.state = {
			root: isRootDirectory(this.root) ? this.root : this.root.slice(0, -1),
			paths: [""].slice(0, 0),
			groups: [],
			counts: new Counter(),
			options,
			queue: new Queue((error, state) => this.callbackInvoker(state, error, callback$1)),
			symlinks: /* @__PURE__ */ new Map(),
			visited: [""].slice(0, 0),
			controller: new Aborter(),
			fs: options.fs || external_fs_namespaceObject_0
		};
		this.joinPath = build$7(this.root, options);
		this.pushDirectory = build$6(this.root, options);
		this.pushFile = build$5(options);
		this.getArray = build$4(options);
		this.groupFiles = build$3(options);
		this.resolveSymlink = build$2(options, this.isSynchronous);
		this.walkDirectory = build(this.isSynchronous);
	}
	start() {
		this.pushDirectory(this.root, this.state.paths, this.state.options.filters);
		this.walkDirectory(this.state, this.root, this.root, this.state.options.maxDepth, this.walk);
		return this.isSynchronous ? this.callbackInvoker(this.state, null) : null;
	}
	walk = (entries, directoryPath, depth) => {
		const { paths, options: { filters, resolveSymlinks: resolveSymlinks$1, excludeSymlinks, exclude, maxFiles, signal, useRealPaths, pathSeparator }, controller } = this.state;
		if (controller.aborted || signal && signal.aborted || maxFiles && paths.length > maxFiles) return;
		const files = this.getArray(this.state.paths);
		for (let i = 0; i < entries.length; ++i) {
			const entry = entries[i];
			if (entry.isFile() || entry.isSymbolicLink() && !resolveSymlinks$1 && !excludeSymlinks) {
				const filename = this.joinPath(entry.name, directoryPath);
				this.pushFile(filename, files, this.state.counts, filters);
			} else if (entry.isDirectory()) {
				let path = joinDirectoryPath(entry.name, directoryPath, this.state.options.pathSeparator);
				if (exclude && exclude(entry.name, path)) continue;
				this.pushDirectory(path, paths, filters);
				this.walkDirectory(this.state, path, path, depth - 1, this.walk);
			} else if (this.resolveSymlink && entry.isSymbolicLink()) {
				let path = joinPathWithBasePath(entry.name, directoryPath);
				this.resolveSymlink(path, this.state, (stat, resolvedPath) => {
					if (stat.isDirectory()) {
						resolvedPath = normalizePath(resolvedPath, this.state.options);
						if (exclude && exclude(entry.name, useRealPaths ? resolvedPath : path + pathSeparator)) return;
						this.walkDirectory(this.state, resolvedPath, useRealPaths ? resolvedPath : path + pathSeparator, depth - 1, this.walk);
					} else {
						resolvedPath = useRealPaths ? resolvedPath : path;
						const filename = (0,external_path_namespaceObject.basename)(resolvedPath);
						const directoryPath$1 = normalizePath((0,external_path_namespaceObject.dirname)(resolvedPath), this.state.options);
						resolvedPath = this.joinPath(filename, directoryPath$1);
						this.pushFile(resolvedPath, files, this.state.counts, filters);
					}
				});
			}
		}
		this.groupFiles(this.state.groups, directoryPath, files);
	};
};

//#endregion
//#region src/api/async.ts
function promise(root, options) {
	return new Promise((resolve$1, reject) => {
		callback(root, options, (err, output) => {
			if (err) return reject(err);
			resolve$1(output);
		});
	});
}
function callback(root, options, callback$1) {
	let walker = new Walker(root, options, callback$1);
	walker.start();
}

//#endregion
//#region src/api/sync.ts
function sync(root, options) {
	const walker = new Walker(root, options);
	return walker.start();
}

//#endregion
//#region src/builder/api-builder.ts
var APIBuilder = class {
	constructor(root, options) {
		this.root = root;
		this.options = options;
	}
	withPromise() {
		return promise(this.root, this.options);
	}
	withCallback(cb) {
		callback(this.root, this.options, cb);
	}
	sync() {
		return sync(this.root, this.options);
	}
};

//#endregion
//#region src/builder/index.ts
let pm = null;
/* c8 ignore next 6 */
try {
	__require.resolve("picomatch");
	pm = __require("picomatch");
} catch {}
var Builder = class {
	globCache = {};
	options = {
		maxDepth: Infinity,
		suppressErrors: true,
		pathSeparator: external_path_namespaceObject.sep,
		filters: []
	};
	globFunction;
	constructor(options) {
		this.options = {
			...this.options,
			...options
		};
		this.globFunction = this.options.globFunction;
	}
	group() {
		this.options.group = true;
		return this;
	}
	withPathSeparator(separator) {
		this.options.pathSeparator = separator;
		return this;
	}
	withBasePath() {
		this.options.includeBasePath = true;
		return this;
	}
	withRelativePaths() {
		this.options.relativePaths = true;
		return this;
	}
	withDirs() {
		this.options.includeDirs = true;
		return this;
	}
	withMaxDepth(depth) {
		this.options.maxDepth = depth;
		return this;
	}
	withMaxFiles(limit) {
		this.options.maxFiles = limit;
		return this;
	}
	withFullPaths() {
		this.options.resolvePaths = true;
		this.options.includeBasePath = true;
		return this;
	}
	withErrors() {
		this.options.suppressErrors = false;
		return this;
	}
	withSymlinks({ resolvePaths = true } = {}) {
		this.options.resolveSymlinks = true;
		this.options.useRealPaths = resolvePaths;
		return this.withFullPaths();
	}
	withAbortSignal(signal) {
		this.options.signal = signal;
		return this;
	}
	normalize() {
		this.options.normalizePath = true;
		return this;
	}
	filter(predicate) {
		this.options.filters.push(predicate);
		return this;
	}
	onlyDirs() {
		this.options.excludeFiles = true;
		this.options.includeDirs = true;
		return this;
	}
	exclude(predicate) {
		this.options.exclude = predicate;
		return this;
	}
	onlyCounts() {
		this.options.onlyCounts = true;
		return this;
	}
	crawl(root) {
		return new APIBuilder(root || ".", this.options);
	}
	withGlobFunction(fn) {
		this.globFunction = fn;
		return this;
	}
	/**
	* @deprecated Pass options using the constructor instead:
	* ```ts
	* new fdir(options).crawl("/path/to/root");
	* ```
	* This method will be removed in v7.0
	*/
	/* c8 ignore next 4 */
	crawlWithOptions(root, options) {
		this.options = {
			...this.options,
			...options
		};
		return new APIBuilder(root || ".", this.options);
	}
	glob(...patterns) {
		if (this.globFunction) return this.globWithOptions(patterns);
		return this.globWithOptions(patterns, ...[{ dot: true }]);
	}
	globWithOptions(patterns, ...options) {
		const globFn = this.globFunction || pm;
		/* c8 ignore next 5 */
		if (!globFn) throw new Error("Please specify a glob function to use glob matching.");
		var isMatch = this.globCache[patterns.join("\0")];
		if (!isMatch) {
			isMatch = globFn(patterns, ...options);
			this.globCache[patterns.join("\0")] = isMatch;
		}
		this.options.filters.push((path) => isMatch(path));
		return this;
	}
};

//#endregion

;// CONCATENATED MODULE: ./node_modules/tinyglobby/dist/index.mjs





//#region src/utils.ts
const isReadonlyArray = Array.isArray;
const BACKSLASHES = /\\/g;
const DRIVE_RELATIVE_PATH = /^[A-Za-z]:$/;
const isWin = process.platform === "win32";
const ONLY_PARENT_DIRECTORIES = /^(\/?\.\.)+$/;
function getPartialMatcher(patterns, options = {}) {
	const patternsCount = patterns.length;
	const patternsParts = Array(patternsCount);
	const matchers = Array(patternsCount);
	let i, j;
	for (i = 0; i < patternsCount; i++) {
		const parts = splitPattern(patterns[i]);
		patternsParts[i] = parts;
		const partsCount = parts.length;
		const partMatchers = Array(partsCount);
		for (j = 0; j < partsCount; j++) partMatchers[j] = picomatch(parts[j], options);
		matchers[i] = partMatchers;
	}
	return (input) => {
		const inputParts = input.split("/");
		if (inputParts[0] === ".." && ONLY_PARENT_DIRECTORIES.test(input)) return true;
		for (i = 0; i < patternsCount; i++) {
			const patternParts = patternsParts[i];
			const matcher = matchers[i];
			const inputPatternCount = inputParts.length;
			const minParts = Math.min(inputPatternCount, patternParts.length);
			j = 0;
			while (j < minParts) {
				const part = patternParts[j];
				if (part.includes("/")) return true;
				if (!matcher[j](inputParts[j])) break;
				if (!options.noglobstar && part === "**") return true;
				j++;
			}
			if (j === inputPatternCount) return true;
		}
		return false;
	};
}
/* node:coverage ignore next 2 */
const WIN32_ROOT_DIR = /^[A-Z]:\/$/i;
const isRoot = isWin ? (p) => WIN32_ROOT_DIR.test(p) : (p) => p === "/";
function buildFormat(cwd, root, absolute) {
	if (cwd === root || root.startsWith(`${cwd}/`)) {
		if (absolute) {
			const start = cwd.length + +!isRoot(cwd);
			return (p, isDir) => p.slice(start, isDir ? -1 : void 0) || ".";
		}
		const prefix = root.slice(cwd.length + 1);
		if (prefix) return (p, isDir) => {
			if (p === ".") return prefix;
			const result = `${prefix}/${p}`;
			return isDir ? result.slice(0, -1) : result;
		};
		return (p, isDir) => isDir && p !== "." ? p.slice(0, -1) : p;
	}
	if (absolute) return (p) => external_path_namespaceObject.posix.relative(cwd, p) || ".";
	return (p) => external_path_namespaceObject.posix.relative(cwd, `${root}/${p}`) || ".";
}
function buildRelative(cwd, root) {
	if (root.startsWith(`${cwd}/`)) {
		const prefix = root.slice(cwd.length + 1);
		return (p) => `${prefix}/${p}`;
	}
	return (p) => {
		const result = external_path_namespaceObject.posix.relative(cwd, `${root}/${p}`);
		return p[p.length - 1] === "/" && result !== "" ? `${result}/` : result || ".";
	};
}
function ensureNonDriveRelativePath(path) {
	return path.replace(DRIVE_RELATIVE_PATH, (match) => `${match}/`);
}
const splitPatternOptions = { parts: true };
function splitPattern(path) {
	var _result$parts;
	const result = picomatch.scan(path, splitPatternOptions);
	return ((_result$parts = result.parts) === null || _result$parts === void 0 ? void 0 : _result$parts.length) ? result.parts : [path];
}
const ESCAPED_WIN32_BACKSLASHES = /\\(?![()[\]{}!+@])/g;
function convertPosixPathToPattern(path) {
	return escapePosixPath(path);
}
function convertWin32PathToPattern(path) {
	return escapeWin32Path(path).replace(ESCAPED_WIN32_BACKSLASHES, "/");
}
/**
* Converts a path to a pattern depending on the platform.
* Identical to {@link escapePath} on POSIX systems.
* @see {@link https://superchupu.dev/tinyglobby/documentation#convertPathToPattern}
*/
/* node:coverage ignore next 3 */
const convertPathToPattern = (/* unused pure expression or super */ null && (isWin ? convertWin32PathToPattern : convertPosixPathToPattern));
const POSIX_UNESCAPED_GLOB_SYMBOLS = /(?<!\\)([()[\]{}*?|]|^!|[!+@](?=\()|\\(?![()[\]{}!*+?@|]))/g;
const WIN32_UNESCAPED_GLOB_SYMBOLS = /(?<!\\)([()[\]{}]|^!|[!+@](?=\())/g;
const escapePosixPath = (path) => path.replace(POSIX_UNESCAPED_GLOB_SYMBOLS, "\\$&");
const escapeWin32Path = (path) => path.replace(WIN32_UNESCAPED_GLOB_SYMBOLS, "\\$&");
/**
* Escapes a path's special characters depending on the platform.
* @see {@link https://superchupu.dev/tinyglobby/documentation#escapePath}
*/
/* node:coverage ignore next */
const escapePath = isWin ? escapeWin32Path : escapePosixPath;
/**
* Checks if a pattern has dynamic parts.
*
* Has a few minor differences with [`fast-glob`](https://github.com/mrmlnc/fast-glob) for better accuracy:
*
* - Doesn't necessarily return `false` on patterns that include `\`.
* - Returns `true` if the pattern includes parentheses, regardless of them representing one single pattern or not.
* - Returns `true` for unfinished glob extensions i.e. `(h`, `+(h`.
* - Returns `true` for unfinished brace expansions as long as they include `,` or `..`.
*
* @see {@link https://superchupu.dev/tinyglobby/documentation#isDynamicPattern}
*/
function isDynamicPattern(pattern, options) {
	if ((options === null || options === void 0 ? void 0 : options.caseSensitiveMatch) === false) return true;
	const scan = picomatch.scan(pattern);
	return scan.isGlob || scan.negated;
}
function log(...tasks) {
	console.log(`[tinyglobby ${(/* @__PURE__ */ new Date()).toLocaleTimeString("es")}]`, ...tasks);
}
function ensureStringArray(value) {
	return typeof value === "string" ? [value] : value !== null && value !== void 0 ? value : [];
}
//#endregion
//#region src/patterns.ts
const PARENT_DIRECTORY = /^(\/?\.\.)+/;
const ESCAPING_BACKSLASHES = /\\(?=[()[\]{}!*+?@|])/g;
function normalizePattern(pattern, opts, props, isIgnore) {
	var _PARENT_DIRECTORY$exe;
	const cwd = opts.cwd;
	let result = pattern;
	if (pattern[pattern.length - 1] === "/") result = pattern.slice(0, -1);
	if (result[result.length - 1] !== "*" && opts.expandDirectories) result += "/**";
	const escapedCwd = escapePath(cwd);
	result = (0,external_path_namespaceObject.isAbsolute)(result.replace(ESCAPING_BACKSLASHES, "")) ? external_path_namespaceObject.posix.relative(escapedCwd, result) : external_path_namespaceObject.posix.normalize(result);
	const parentDir = (_PARENT_DIRECTORY$exe = PARENT_DIRECTORY.exec(result)) === null || _PARENT_DIRECTORY$exe === void 0 ? void 0 : _PARENT_DIRECTORY$exe[0];
	const parts = splitPattern(result);
	if (parentDir) {
		const n = (parentDir.length + 1) / 3;
		let i = 0;
		const cwdParts = escapedCwd.split("/");
		while (i < n && parts[i + n] === cwdParts[cwdParts.length + i - n]) {
			result = result.slice(0, (n - i - 1) * 3) + result.slice((n - i) * 3 + parts[i + n].length + 1) || ".";
			i++;
		}
		const potentialRoot = external_path_namespaceObject.posix.join(cwd, parentDir.slice(i * 3));
		if (potentialRoot[0] !== "." && props.root.length > potentialRoot.length) {
			props.root = ensureNonDriveRelativePath(potentialRoot);
			props.depthOffset = -n + i;
		}
	}
	if (!isIgnore && props.depthOffset >= 0) {
		var _props$commonPath;
		(_props$commonPath = props.commonPath) !== null && _props$commonPath !== void 0 || (props.commonPath = parts);
		const newCommonPath = [];
		const length = Math.min(props.commonPath.length, parts.length);
		for (let i = 0; i < length; i++) {
			const part = parts[i];
			if (part === "**" && !parts[i + 1]) {
				newCommonPath.pop();
				break;
			}
			if (i === parts.length - 1 || part !== props.commonPath[i] || isDynamicPattern(part)) break;
			newCommonPath.push(part);
		}
		props.depthOffset = newCommonPath.length;
		props.commonPath = newCommonPath;
		props.root = ensureNonDriveRelativePath(newCommonPath.length > 0 ? external_path_namespaceObject.posix.join(cwd, ...newCommonPath) : cwd);
	}
	return result;
}
function processPatterns(options, patterns, props) {
	const matchPatterns = [];
	const ignorePatterns = [];
	for (const pattern of options.ignore) {
		if (!pattern) continue;
		if (pattern[0] !== "!" || pattern[1] === "(") ignorePatterns.push(normalizePattern(pattern, options, props, true));
	}
	for (const pattern of patterns) {
		if (!pattern) continue;
		if (pattern[0] !== "!" || pattern[1] === "(") matchPatterns.push(normalizePattern(pattern, options, props, false));
		else if (pattern[1] !== "!" || pattern[2] === "(") ignorePatterns.push(normalizePattern(pattern.slice(1), options, props, true));
	}
	return {
		match: matchPatterns,
		ignore: ignorePatterns
	};
}
//#endregion
//#region src/crawler.ts
function buildCrawler(options, patterns) {
	const cwd = options.cwd;
	const props = {
		root: cwd,
		depthOffset: 0
	};
	const processed = processPatterns(options, patterns, props);
	if (options.debug) log("internal processing patterns:", processed);
	const { absolute, caseSensitiveMatch, debug, dot, followSymbolicLinks, onlyDirectories } = options;
	const root = props.root.replace(BACKSLASHES, "");
	const matchOptions = {
		dot,
		nobrace: options.braceExpansion === false,
		nocase: !caseSensitiveMatch,
		noextglob: options.extglob === false,
		noglobstar: options.globstar === false,
		posix: true
	};
	const matcher = picomatch(processed.match, matchOptions);
	const ignore = picomatch(processed.ignore, matchOptions);
	const partialMatcher = getPartialMatcher(processed.match, matchOptions);
	const format = buildFormat(cwd, root, absolute);
	const excludeFormatter = absolute ? format : buildFormat(cwd, root, true);
	const excludePredicate = (_, p) => {
		const relativePath = excludeFormatter(p, true);
		return relativePath !== "." && !partialMatcher(relativePath) || ignore(relativePath);
	};
	let maxDepth;
	if (options.deep !== void 0) maxDepth = Math.round(options.deep - props.depthOffset);
	const crawler = new Builder({
		filters: [debug ? (p, isDirectory) => {
			const path = format(p, isDirectory);
			const matches = matcher(path) && !ignore(path);
			if (matches) log(`matched ${path}`);
			return matches;
		} : (p, isDirectory) => {
			const path = format(p, isDirectory);
			return matcher(path) && !ignore(path);
		}],
		exclude: debug ? (_, p) => {
			const skipped = excludePredicate(_, p);
			log(`${skipped ? "skipped" : "crawling"} ${p}`);
			return skipped;
		} : excludePredicate,
		fs: options.fs,
		pathSeparator: "/",
		relativePaths: !absolute,
		resolvePaths: absolute,
		includeBasePath: absolute,
		resolveSymlinks: followSymbolicLinks,
		excludeSymlinks: !followSymbolicLinks,
		excludeFiles: onlyDirectories,
		includeDirs: onlyDirectories || !options.onlyFiles,
		maxDepth,
		signal: options.signal
	}).crawl(root);
	if (options.debug) log("internal properties:", {
		...props,
		root
	});
	return [crawler, cwd !== root && !absolute && buildRelative(cwd, root)];
}
//#endregion
//#region src/index.ts
function formatPaths(paths, mapper) {
	if (mapper) for (let i = paths.length - 1; i >= 0; i--) paths[i] = mapper(paths[i]);
	return paths;
}
const defaultOptions = {
	caseSensitiveMatch: true,
	debug: !!process.env.TINYGLOBBY_DEBUG,
	expandDirectories: true,
	followSymbolicLinks: true,
	onlyFiles: true
};
function getOptions(options) {
	const opts = Object.assign({}, options);
	for (const key in defaultOptions) if (opts[key] === void 0) Object.assign(opts, { [key]: defaultOptions[key] });
	opts.cwd = (opts.cwd instanceof URL ? (0,external_url_namespaceObject.fileURLToPath)(opts.cwd) : (0,external_path_namespaceObject.resolve)(opts.cwd || process.cwd())).replace(BACKSLASHES, "/");
	opts.ignore = ensureStringArray(opts.ignore);
	opts.fs && (opts.fs = {
		readdir: opts.fs.readdir || external_fs_namespaceObject.readdir,
		readdirSync: opts.fs.readdirSync || external_fs_namespaceObject.readdirSync,
		realpath: opts.fs.realpath || external_fs_namespaceObject.realpath,
		realpathSync: opts.fs.realpathSync || external_fs_namespaceObject.realpathSync,
		stat: opts.fs.stat || external_fs_namespaceObject.stat,
		statSync: opts.fs.statSync || external_fs_namespaceObject.statSync
	});
	if (opts.debug) log("globbing with options:", opts);
	return opts;
}
function getCrawler(globInput, inputOptions = {}) {
	var _ref;
	if (globInput && (inputOptions === null || inputOptions === void 0 ? void 0 : inputOptions.patterns)) throw new Error("Cannot pass patterns as both an argument and an option");
	const isModern = isReadonlyArray(globInput) || typeof globInput === "string";
	const patterns = ensureStringArray((_ref = isModern ? globInput : globInput.patterns) !== null && _ref !== void 0 ? _ref : "**/*");
	const options = getOptions(isModern ? inputOptions : globInput);
	return patterns.length > 0 ? buildCrawler(options, patterns) : [];
}
async function glob(globInput, options) {
	const [crawler, relative] = getCrawler(globInput, options);
	return crawler ? formatPaths(await crawler.withPromise(), relative) : [];
}
function globSync(globInput, options) {
	const [crawler, relative] = getCrawler(globInput, options);
	return crawler ? formatPaths(crawler.sync(), relative) : [];
}
//#endregion


;// CONCATENATED MODULE: ./src/sources/discover.ts
/** Which files are Dockerfiles: explicit files as given, directories searched by name patterns. */



/** Names we treat as Dockerfiles when searching a folder (case-insensitive). */
const DOCKERFILE_PATTERNS = [
    '**/Dockerfile',
    '**/Containerfile',
    '**/*.Dockerfile',
    '**/*.dockerfile',
    '**/Dockerfile.*',
    '**/Containerfile.*'
];
/** Never Dockerfiles, even when a name pattern above matches (e.g. `Dockerfile.dockerignore`). */
const IGNORED_PATTERNS = [
    '**/node_modules/**',
    '**/.git/**',
    '**/*.dockerignore',
    '**/.dockerignore',
    '**/*.md',
    '**/*.yml',
    '**/*.yaml',
    '**/*.json'
];
function kindOf(path) {
    try {
        const stat = (0,external_node_fs_namespaceObject.statSync)(path);
        return stat.isDirectory() ? 'dir' : 'file';
    }
    catch {
        return 'missing';
    }
}
/**
 * Expands CLI arguments: a file is taken as is, a folder is searched with the patterns, anything
 * else is a glob. Paths come back relative to `cwd` when they were given relative, sorted, once each.
 */
async function discoverDockerfiles(args, cwd) {
    const inputs = args.length === 0 ? ['.'] : args;
    const found = new Set();
    const unmatched = [];
    const options = { ignore: [...IGNORED_PATTERNS], caseSensitiveMatch: false, dot: true, onlyFiles: true };
    for (const input of inputs) {
        const kind = kindOf((0,external_node_path_namespaceObject.resolve)(cwd, input));
        let matches;
        if (kind === 'file')
            matches = [input];
        else if (kind === 'dir') {
            const inDir = await glob([...DOCKERFILE_PATTERNS], { ...options, cwd: (0,external_node_path_namespaceObject.resolve)(cwd, input) });
            matches = inDir.map((p) => (input === '.' || input === './' ? p : (0,external_node_path_namespaceObject.join)(input, p)));
        }
        else {
            matches = await glob([input], { ...options, cwd, absolute: (0,external_node_path_namespaceObject.isAbsolute)(input) });
        }
        if (matches.length === 0)
            unmatched.push(input);
        for (const m of matches)
            found.add(m);
    }
    return { files: [...found].sort(), unmatched };
}

;// CONCATENATED MODULE: ./src/sources/git.ts
/** Reading Dockerfile text from the local checkout: as it is, or as it was at a git revision. */

/** NUL bytes mean binary content: a Dockerfile is text. */
function textOrReason(buffer) {
    if (buffer.includes(0))
        return { ok: false, reason: 'binary content (NUL bytes), not a Dockerfile' };
    return { ok: true, text: buffer.toString('utf8') };
}
function git(cwd, args) {
    return (0,external_node_child_process_namespaceObject.execFileSync)('git', ['-C', cwd, ...args], { stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
}
/** The commit checked out in `cwd`, or null when it is no git work tree. */
function gitHead(cwd) {
    try {
        return git(cwd, ['rev-parse', 'HEAD']).toString('utf8').trim();
    }
    catch {
        return null;
    }
}
/** Whether the repository at `cwd` has this commit (a shallow checkout often lacks the PR's base). */
function hasCommit(cwd, rev) {
    try {
        git(cwd, ['cat-file', '-e', `${rev}^{commit}`]);
        return true;
    }
    catch {
        return false;
    }
}
/** A file as it was at a revision (`path` as git reads it after `rev:`, e.g. `./Dockerfile` relative to cwd). */
function readAtRevision(cwd, rev, path) {
    try {
        git(cwd, ['cat-file', '-e', `${rev}:${path}`]);
    }
    catch {
        return { ok: false, reason: 'not in that commit', missing: true };
    }
    try {
        return textOrReason(git(cwd, ['show', `${rev}:${path}`]));
    }
    catch (err) {
        return { ok: false, reason: err instanceof Error ? err.message : String(err) };
    }
}
/** A failed read taken as "not there" (the CLI's --base: a file git cannot show is new to it). */
function asMissing(result) {
    return result.ok ? result : { ok: false, reason: result.reason, missing: true };
}

;// CONCATENATED MODULE: ./src/sources/workspace.ts
/** Reading Dockerfiles from the checked-out workspace (or the folder the CLI runs in). */



/**
 * A file's text, or why not: the error code, or binary content. Synchronous on purpose:
 * Dockerfiles are small, and a promise per file costs more than the read itself.
 */
function readWorkspaceFile(root, path) {
    try {
        return textOrReason((0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.resolve)(root, path)));
    }
    catch (err) {
        return { ok: false, reason: err.code ?? String(err) };
    }
}

;// CONCATENATED MODULE: ./src/cli/run.ts
/**
 * The `stagecraft` command, as a function of its arguments and a small I/O surface, so tests
 * can run it in-process. Exit codes: 0 nothing at the failing level, 1 findings at the failing
 * level, 2 usage or I/O error (one line on stderr).
 */














const USAGE = `Usage: stagecraft [paths|globs...] [options]

Reviews Dockerfiles: parses each one, builds its stage graph and reports findings.
With no path, searches the current folder for Dockerfile, Containerfile, *.Dockerfile,
*.dockerfile, Dockerfile.* and Containerfile.* (skipping node_modules and .git).

Options:
  --format text|json|markdown
                         output format (default: text); markdown is the pull request
                         comment the action writes
  --base REV             with --format markdown: compare each file with its version at
                         this git revision (e.g. origin/main), as the comment does for a PR
  --image REF            the image built from the Dockerfile (PATH=REF with several files):
                         its layers, sizes and the instruction behind each (markdown, json)
  --registry             ask the registries for the real size of each base image (markdown
                         and json; anonymous, network needed); without it sizes are estimates
  --target NAME          the stage that is built (default: the targets the repository's build
                         definitions build, else the last stage)
  --build-arg K=V        a build argument, as docker build takes it (repeatable)
  --fail-on LEVEL        error|warning|info|never: lowest severity that exits 1 (default: error)
  --config FILE          configuration file (default: .stagecraft.yml, .stagecraft.yaml,
                         .github/stagecraft.yml or .github/stagecraft.yaml, if present)
  --rule ID=LEVEL        set a rule to off|info|warning|error (repeatable; beats the config)
  --list-rules           list the rules with their defaults and exit
  --builds               list what the repository's workflows, bake, compose and dev
                         container files build (run it from the repository's root) and exit
  -h, --help             show this help
  -v, --version          print the version

Exit codes: 0 no finding at the failing level, 1 findings at the failing level,
2 usage or I/O error.`;
class UsageError extends Error {
}
function parseCliArgs(argv) {
    let parsed;
    try {
        parsed = (0,external_node_util_namespaceObject.parseArgs)({
            args: [...argv],
            allowPositionals: true,
            strict: true,
            options: {
                format: { type: 'string', default: 'text' },
                base: { type: 'string' },
                registry: { type: 'boolean', default: false },
                image: { type: 'string', multiple: true },
                target: { type: 'string' },
                'build-arg': { type: 'string', multiple: true, default: [] },
                'fail-on': { type: 'string', default: 'error' },
                config: { type: 'string' },
                rule: { type: 'string', multiple: true, default: [] },
                'list-rules': { type: 'boolean', default: false },
                builds: { type: 'boolean', default: false },
                help: { type: 'boolean', short: 'h', default: false },
                version: { type: 'boolean', short: 'v', default: false }
            }
        });
    }
    catch (err) {
        throw new UsageError(err instanceof Error ? err.message : String(err));
    }
    const { values, positionals } = parsed;
    const format = values.format;
    if (format !== 'text' && format !== 'json' && format !== 'markdown')
        throw new UsageError(`--format must be text, json or markdown, not "${format}"`);
    const base = values.base ?? null;
    if (base !== null && format !== 'markdown')
        throw new UsageError('--base needs --format markdown (the delta is part of the comment)');
    const failOn = values['fail-on'];
    if (failOn !== 'error' && failOn !== 'warning' && failOn !== 'info' && failOn !== 'never') {
        throw new UsageError(`--fail-on must be error, warning, info or never, not "${failOn}"`);
    }
    const buildArgs = {};
    for (const pair of values['build-arg'] ?? []) {
        const eq = pair.indexOf('=');
        if (eq <= 0)
            throw new UsageError(`--build-arg expects K=V, got "${pair}"`);
        buildArgs[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
    const rules = {};
    for (const pair of values.rule ?? []) {
        const eq = pair.indexOf('=');
        const id = eq < 0 ? pair : pair.slice(0, eq);
        const level = eq < 0 ? '' : pair.slice(eq + 1);
        if (!RULES.some((r) => r.meta.id === id))
            throw new UsageError(`--rule: unknown rule "${id}" (see --list-rules)`);
        if (level !== 'off' && level !== 'info' && level !== 'warning' && level !== 'error')
            throw new UsageError(`--rule ${id} must be set to off, info, warning or error`);
        rules[id] = level;
    }
    return {
        paths: positionals,
        format,
        base,
        registry: values.registry ?? false,
        images: values.image ?? [],
        target: values.target ?? null,
        buildArgs,
        failOn,
        config: values.config ?? null,
        rules,
        listRules: values['list-rules'] ?? false,
        builds: values.builds ?? false,
        help: values.help ?? false,
        version: values.version ?? false
    };
}
function listRules() {
    const rows = documentationOrder(RULES).map(({ meta }) => [meta.id, meta.severity, meta.category, meta.scope === 'all' ? 'all stages' : 'ships only', meta.equivalents.hadolint ?? '-', meta.equivalents.buildkit ?? '-', meta.title]);
    const header = ['rule', 'default', 'category', 'scope', 'hadolint', 'buildkit', 'title'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
    return [line(header), ...rows.map(line)].join('\n') + '\n';
}
async function runCli(argv, io) {
    let options;
    try {
        options = parseCliArgs(argv);
    }
    catch (err) {
        io.stderr(`stagecraft: ${err.message} (see stagecraft --help)\n`);
        return 2;
    }
    if (options.help) {
        io.stdout(USAGE + '\n');
        return 0;
    }
    if (options.version) {
        io.stdout(`stagecraft ${VERSION}\n`);
        return 0;
    }
    if (options.listRules) {
        io.stdout(listRules());
        return 0;
    }
    if (options.builds) {
        io.stdout(formatBuilds(readBuildDefinitions(repositoryFiles(io.cwd))));
        return 0;
    }
    const discovery = await discoverDockerfiles(options.paths, io.cwd);
    if (discovery.unmatched.length > 0) {
        io.stderr(`stagecraft: no Dockerfile found at ${discovery.unmatched.map((u) => `"${u}"`).join(', ')}\n`);
        return 2;
    }
    const base = options.base;
    const sources = discovery.files.map((path) => ({
        path,
        changed: 'all',
        read: () => readWorkspaceFile(io.cwd, path),
        // Any file that cannot be read at the revision is new to it (the summary says "New file").
        ...(base === null ? {} : { readPrevious: () => asMissing(readAtRevision(io.cwd, base, `./${path.replace(/^\.\//, '')}`)) })
    }));
    // The text format shows no sizes or layers: ask the registries only for the formats that do.
    const registry = options.format === 'text' ? { sizes: false, images: [] } : { sizes: options.registry, images: options.images };
    // Text, and JSON without registry answers, print each file as it is reviewed and keep nothing.
    const streaming = options.format === 'text' || (options.format === 'json' && !registry.sizes && registry.images.length === 0);
    const totals = { files: 0, error: 0, warning: 0, info: 0 };
    let printed = 0;
    const onFile = (file) => {
        if (options.format === 'text') {
            io.stdout(textFilePiece(file.analysis, { colour: io.isTty }));
            totals.files++;
            for (const f of file.analysis.findings)
                totals[f.severity]++;
        }
        else {
            if (printed === 0)
                io.stdout(JSON_REPORT_OPEN);
            io.stdout(jsonFilePiece(toJsonFile(file), printed === 0));
        }
        printed++;
    };
    const contexts = new BuildContextReader(io.cwd);
    let result;
    try {
        result = await review(sources, { root: io.cwd, configFile: options.config, overrides: { target: options.target, buildArgs: options.buildArgs, levels: options.rules }, annotate: 'all', failOn: options.failOn, registry, retain: !streaming }, { buildContext: (p, context) => contexts.read(p, context), repository: repositoryFiles(io.cwd), ...(streaming ? { onFile } : {}) });
    }
    catch (err) {
        if (!(err instanceof ConfigError))
            throw err;
        io.stderr(`stagecraft: ${err.message}\n`);
        return 2;
    }
    for (const u of result.unread)
        io.stderr(`stagecraft: cannot read ${u.path}: ${u.reason}\n`);
    if (result.registry !== undefined) {
        const { images, requests, failed } = result.registry;
        io.stderr(`stagecraft: registry: ${images} image(s), ${requests} request(s)${failed.length > 0 ? `; estimated: ${failed.map((f) => `${f.image} (${f.reason})`).join(', ')}` : ''}\n`);
    }
    for (const note of result.notes)
        io.stderr(`stagecraft: ${note}\n`);
    if (options.format === 'text')
        io.stdout(textTotals(totals));
    else if (options.format === 'json' && streaming)
        io.stdout(printed === 0 ? `${JSON_REPORT_OPEN}${jsonReportClose(0)}` : jsonReportClose(printed));
    else if (options.format === 'json')
        io.stdout(JSON.stringify(toJsonReport(result), null, 2) + '\n');
    else
        io.stdout(summaryMarkdown(result, { limit: Number.MAX_SAFE_INTEGER }));
    if (result.unread.length > 0)
        return 2;
    return result.fails ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/cli.ts
/** The local entry point: `npx stagecraft [paths...]`. */

// `stagecraft … | head` closes the pipe early: that is the reader's choice, not a failure.
process.stdout.on('error', (err) => {
    if (err.code === 'EPIPE')
        process.exit(0);
    throw err;
});
/** FORCE_COLOR (as CI logs, which are no TTY, set it) beats NO_COLOR, which beats the terminal check. */
function colour() {
    const force = process.env.FORCE_COLOR;
    if (force !== undefined)
        return force !== '0' && force !== 'false';
    return process.stdout.isTTY === true && process.env.NO_COLOR === undefined;
}
runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTty: colour()
}).then((code) => {
    process.exitCode = code;
}, (err) => {
    process.stderr.write(`stagecraft: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
});


//# sourceMappingURL=index.js.map