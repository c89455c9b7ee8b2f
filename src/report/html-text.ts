// Input strings in HTML: every string of the report model came from an input (messages, names,
// hosts, paths, reasons) and goes through one of these two functions, in HTML and in inline SVG
// alike. Text escapes what opens markup (`<`, `&`, and `>` for good measure); an attribute value
// also escapes both quotes, so that it cannot end its attribute whichever quote encloses it.
// Both drop what cannot be shown faithfully: control characters and lone surrogates become
// U+FFFD, and bidirectional overrides and isolates (which can reorder what a reader sees, the
// "Trojan Source" trick) become U+FFFD too.

// With the u flag a surrogate pair is one code point, so [\ud800-\udfff] matches lone halves only.
const notShowable = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udfff]/gu;

const textEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const attributeEntities: Record<string, string> = { ...textEntities, '"': '&quot;', "'": '&#39;' };

function showable(text: string): string {
  return text.replace(notShowable, '\ufffd');
}

/** Text between tags (HTML elements, SVG `<text>` and `<title>`, the document's `<title>`). */
export function htmlText(text: string): string {
  return showable(text).replace(/[&<>]/gu, (character) => textEntities[character]!);
}

/** An attribute value, always written between double quotes by the caller. */
export function htmlAttribute(text: string): string {
  return showable(text).replace(/[&<>"']/gu, (character) => attributeEntities[character]!);
}
