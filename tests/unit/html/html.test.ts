import { describe, expect, it } from "vitest";
import { escapeHtml, escapeScriptJson, fragment, h, htmlDocument, inlineScript, inlineStyle, isSafeUrl, renderToString, SafeHtml, scriptTag } from "@/lib/html/html";

const XSS_TEXTS = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  "</textarea><script>alert(1)</script>",
  "&lt;script&gt;",
  "<!-- --><script>",
];

/** Parses markup the way the browser would not need to: every tag name that appears. */
const tagsIn = (markup: string) => [...markup.matchAll(/<([a-z][a-z0-9-]*)/gi)].map((match) => match[1]?.toLowerCase());

describe("the HTML renderer", () => {
  it("renders elements, attributes and nested children", () => {
    const markup = renderToString(h("p", { class: "a b", "data-testid": "x" }, "Hello ", h("strong", null, "you"), 3));
    expect(markup).toBe('<p class="a b" data-testid="x">Hello <strong>you</strong>3</p>');
  });

  it("escapes every text child, so no attacker text becomes a tag", () => {
    for (const text of XSS_TEXTS) {
      const markup = renderToString(h("div", null, text));
      expect(tagsIn(markup)).toEqual(["div"]);
      expect(markup).toBe(`<div>${escapeHtml(text)}</div>`);
    }
  });

  it("escapes attribute values, so no value can close its quotes or open a tag", () => {
    for (const text of XSS_TEXTS) {
      const markup = renderToString(h("input", { value: text, title: text }));
      expect(tagsIn(markup)).toEqual(["input"]);
      expect(markup).toBe(`<input value="${escapeHtml(text)}" title="${escapeHtml(text)}">`);
      expect(markup.match(/"/g)?.length).toBe(4);
    }
  });

  it("escapes the five characters that matter and nothing else", () => {
    expect(escapeHtml(`&<>"' é ü 🔑`)).toBe("&amp;&lt;&gt;&quot;&#39; é ü 🔑");
  });

  it("writes boolean attributes by name and leaves out false, null and undefined", () => {
    expect(renderToString(h("input", { readonly: true, disabled: false, hidden: null, title: undefined }))).toBe("<input readonly>");
  });

  it("refuses event handler attributes, inline styles and srcdoc", () => {
    expect(() => h("div", { onclick: "alert(1)" })).toThrow(/event handler/);
    expect(() => h("div", { ONLOAD: "alert(1)" })).toThrow(/event handler/);
    expect(() => h("div", { style: "background:url(javascript:alert(1))" })).toThrow(/not allowed/);
    expect(() => h("iframe", { srcdoc: "<script>" })).toThrow();
  });

  it("refuses tag and attribute names that could smuggle markup", () => {
    expect(() => h("div onclick=alert(1)")).toThrow(/tag name/);
    expect(() => h("div><script", null)).toThrow(/tag name/);
    expect(() => h("div", { 'x="y" onload': "1" })).toThrow(/attribute name/);
    expect(() => h("div", { "a>b": "1" })).toThrow(/attribute name/);
  });

  it("builds no raw-text element through h(), where escaping would not protect", () => {
    for (const tag of ["script", "SCRIPT", "style", "iframe", "noscript", "template", "xmp"]) expect(() => h(tag)).toThrow();
  });

  it("takes only same-origin paths, fragments and http(s) URLs in URL attributes", () => {
    expect(renderToString(h("a", { href: "/sign-in?callbackUrl=%2Fs%2Fx" }, "x"))).toBe('<a href="/sign-in?callbackUrl=%2Fs%2Fx">x</a>');
    for (const url of ["javascript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>", "//evil.example", "/\\evil.example", "vbscript:x"]) {
      expect(() => h("a", { href: url }), url).toThrow(/unsafe URL/);
      expect(isSafeUrl(url)).toBe(false);
    }
    expect(isSafeUrl("https://example.com/a")).toBe(true);
    expect(isSafeUrl("#main")).toBe(true);
  });

  it("keeps SafeHtml children as markup and refuses children on void elements", () => {
    expect(renderToString(fragment(h("br"), "a<b"))).toBe("<br>a&lt;b");
    expect(() => h("input", null, "text")).toThrow(/children/);
    expect(fragment("x")).toBeInstanceOf(SafeHtml);
  });

  it("never takes a plain object as markup", () => {
    expect(() => renderToString({ toString: () => "<script>" } as unknown as string)).toThrow();
  });

  it("puts a nonce on scripts and refuses inline code that could leave its element", () => {
    expect(renderToString(scriptTag({ src: "/reveal-assets/a.js", nonce: 'n"o', module: true }))).toBe('<script type="module" src="/reveal-assets/a.js" nonce="n&quot;o"></script>');
    expect(renderToString(inlineScript({ code: "f(1)", nonce: "abc" }))).toBe('<script nonce="abc">f(1)</script>');
    for (const code of ["x='</script><script>alert(1)//'", "x='</SCRIPT >'", "<!--", "'<script>'"]) {
      expect(() => inlineScript({ code, nonce: "n" })).toThrow();
    }
    expect(() => scriptTag({ src: "javascript:alert(1)", nonce: "n" })).toThrow(/unsafe URL/);
  });

  it("inlines CSS with a nonce and refuses CSS that could end the style element", () => {
    expect(renderToString(inlineStyle({ css: "a{color:red}", nonce: "n" }))).toBe('<style nonce="n">a{color:red}</style>');
    for (const css of ["a{}</style><script>alert(1)</script>", "</STYLE >", "<!--"]) expect(() => inlineStyle({ css, nonce: "n" })).toThrow();
  });

  it("writes JSON for scripts that can never end the script element", () => {
    const json = escapeScriptJson({ text: "</script><!--<script>\u2028&" });
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual({ text: "</script><!--<script>\u2028&" });
    expect(() => inlineScript({ code: `var x=${json}`, nonce: "n" })).not.toThrow();
  });

  it("puts a whole document together with its doctype", () => {
    expect(htmlDocument({ lang: "en", head: h("title", null, "<T>"), body: h("body", null, "b") })).toBe(
      '<!DOCTYPE html><html lang="en"><head><title>&lt;T&gt;</title></head><body>b</body></html>',
    );
  });
});
