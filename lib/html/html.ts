/**
 * A tiny HTML renderer for pages served without React (the reveal page). Every text child
 * and attribute value is escaped; markup exists only as SafeHtml, which only this module
 * makes. Tag and attribute names are checked, event-handler attributes are refused (the
 * CSP forbids inline handlers anyway) and URL attributes take only same-origin paths,
 * fragments or http(s) URLs, so no `javascript:` link can be built by accident.
 * Universal: runs on the server (first render) and in the browser (state changes).
 */

/** Markup that is safe to insert: produced by `h`, `fragment` or `inlineScript` only. */
export class SafeHtml {
  readonly #markup: string;
  private constructor(markup: string) {
    this.#markup = markup;
  }
  /** @internal only this module creates SafeHtml. */
  static unsafeFromTrustedMarkup(markup: string): SafeHtml {
    return new SafeHtml(markup);
  }
  toString(): string {
    return this.#markup;
  }
}

export type THtmlChild = SafeHtml | string | number | null | undefined | false | readonly THtmlChild[];
export type THtmlAttributeValue = string | number | boolean | null | undefined;
export type THtmlAttributes = Readonly<Record<string, THtmlAttributeValue>>;

const VOID_ELEMENTS = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
// Raw-text elements: their content is not parsed as markup, so escaping would not protect it.
const RAW_TEXT_ELEMENTS = new Set(["script", "style", "iframe", "noscript", "noembed", "noframes", "xmp", "plaintext", "template", "object", "embed"]);
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "xlink:href", "poster", "srcset", "cite", "data", "ping"]);
const TAG_NAME = /^[a-z][a-z0-9-]*$/i;
const ATTRIBUTE_NAME = /^[a-z][a-z0-9_.:-]*$/i;

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for use in element content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

/** Same-origin paths ("/x", not "//host"), fragments, and http(s) URLs; nothing else. */
export function isSafeUrl(value: string): boolean {
  // Browsers drop tabs and newlines inside URLs and trim control characters and spaces.
  const url = value.replace(/[\u0000-\u0020\u007f]/g, "");
  if (url.startsWith("#")) return true;
  if (url.startsWith("/")) return !url.startsWith("//") && !url.startsWith("/\\");
  return /^https?:\/\//i.test(url) && !/[\\]/.test(url.slice(0, url.indexOf("//") + 2));
}

function renderAttributes(attributes: THtmlAttributes | null | undefined): string {
  if (!attributes) return "";
  let out = "";
  for (const [name, value] of Object.entries(attributes)) {
    if (!ATTRIBUTE_NAME.test(name)) throw new Error(`invalid attribute name: ${JSON.stringify(name)}`);
    if (/^on/i.test(name)) throw new Error(`event handler attributes are not allowed: ${name}`);
    if (/^(style|srcdoc)$/i.test(name)) throw new Error(`attribute not allowed: ${name}`);
    if (value === null || value === undefined || value === false) continue;
    if (value === true) {
      out += ` ${name}`;
      continue;
    }
    const text = String(value);
    if (URL_ATTRIBUTES.has(name.toLowerCase()) && !isSafeUrl(text)) throw new Error(`unsafe URL in ${name}`);
    out += ` ${name}="${escapeHtml(text)}"`;
  }
  return out;
}

function renderChild(child: THtmlChild): string {
  if (child === null || child === undefined || child === false) return "";
  if (child instanceof SafeHtml) return child.toString();
  if (Array.isArray(child)) return child.map(renderChild).join("");
  if (typeof child === "string" || typeof child === "number") return escapeHtml(String(child));
  throw new Error("invalid child");
}

/** One element. Text children are escaped; SafeHtml children are kept as they are. */
export function h(tag: string, attributes?: THtmlAttributes | null, ...children: THtmlChild[]): SafeHtml {
  if (!TAG_NAME.test(tag)) throw new Error(`invalid tag name: ${JSON.stringify(tag)}`);
  const name = tag.toLowerCase();
  if (RAW_TEXT_ELEMENTS.has(name)) throw new Error(`<${name}> cannot be built with h(); use inlineScript or scriptTag`);
  const open = `<${tag}${renderAttributes(attributes)}>`;
  if (VOID_ELEMENTS.has(name)) {
    if (children.some((child) => renderChild(child) !== "")) throw new Error(`<${name}> cannot have children`);
    return SafeHtml.unsafeFromTrustedMarkup(open);
  }
  return SafeHtml.unsafeFromTrustedMarkup(`${open}${children.map(renderChild).join("")}</${tag}>`);
}

/** Several children side by side, escaped like `h`'s. */
export function fragment(...children: THtmlChild[]): SafeHtml {
  return SafeHtml.unsafeFromTrustedMarkup(children.map(renderChild).join(""));
}

/** The markup of any child, as a string. */
export function renderToString(child: THtmlChild): string {
  return renderChild(child);
}

/** `<script src>` for a same-origin file, with the page's CSP nonce. */
export function scriptTag(options: { src: string; nonce: string; module?: boolean }): SafeHtml {
  return SafeHtml.unsafeFromTrustedMarkup(`<script${renderAttributes({ type: options.module ? "module" : undefined, src: options.src, nonce: options.nonce })}></script>`);
}

/**
 * An inline script with the page's CSP nonce. Script content is raw text: escaping does not
 * apply there, so code that could end the element or open a comment is refused instead.
 * Put values into `code` with JSON.stringify and escapeScriptJson, never by concatenation.
 */
export function inlineScript(options: { code: string; nonce: string }): SafeHtml {
  if (/<\/script|<!--|<script/i.test(options.code)) throw new Error("inline script code must not contain <script, </script or <!--");
  return SafeHtml.unsafeFromTrustedMarkup(`<script${renderAttributes({ nonce: options.nonce })}>${options.code}</script>`);
}

/**
 * An inline stylesheet with the page's CSP nonce. Like script content, style content is raw
 * text, so CSS that could end the element is refused.
 */
export function inlineStyle(options: { css: string; nonce: string }): SafeHtml {
  if (/<\/style|<!--/i.test(options.css)) throw new Error("inline CSS must not contain </style or <!--");
  return SafeHtml.unsafeFromTrustedMarkup(`<style${renderAttributes({ nonce: options.nonce })}>${options.css}</style>`);
}

/** JSON for a script body: `<`, `>`, `&` and the JS line separators escaped as \u sequences. */
export function escapeScriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** The doctype plus <html>; the one place a whole document is put together. */
export function htmlDocument(options: { lang: string; head: THtmlChild; body: SafeHtml }): string {
  return `<!DOCTYPE html>${renderToString(h("html", { lang: options.lang }, h("head", null, options.head), options.body))}`;
}
