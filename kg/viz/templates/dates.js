// Signing dates as the page's date filter reads them: a date is a span of days (a day, a month
// or a year, as precisely as the text said it), and an agreement is within a range when one of
// its dates lies wholly in it.
var kgDates = (function () {
  "use strict";

  function pad2(n) { return (n < 10 ? "0" : "") + n; }
  function lastDay(year, month) { return new Date(Date.UTC(year, month, 0)).getUTCDate(); }

  // "2023" | "2023-9" | "2023-09-05" -> [first day, last day] as YYYY-MM-DD, or null.
  function span(text) {
    var m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(String(text).trim());
    if (!m) { return null; }
    var y = +m[1], mo = m[2] ? +m[2] : null, d = m[3] ? +m[3] : null;
    if (mo !== null && (mo < 1 || mo > 12)) { return null; }
    if (d !== null && (d < 1 || d > lastDay(y, mo))) { return null; }
    if (mo === null) { return [m[1] + "-01-01", m[1] + "-12-31"]; }
    var ym = m[1] + "-" + pad2(mo);
    if (d === null) { return [ym + "-01", ym + "-" + pad2(lastDay(y, mo))]; }
    return [ym + "-" + pad2(d), ym + "-" + pad2(d)];
  }

  // Whether an agreement signed on `dates` (lexical forms) is within `range` ({from, to} as
  // YYYY-MM-DD or null): signed in 2024, month unknown, is not within March 2024. An
  // agreement without a date is within only when `undated` says so.
  function signedWithin(dates, range, undated) {
    if (range.from === null && range.to === null) { return true; }
    var spans = (dates || []).map(span).filter(Boolean);
    if (!spans.length) { return undated; }
    return spans.some(function (s) {
      return (range.from === null || s[0] >= range.from) && (range.to === null || s[1] <= range.to);
    });
  }

  return {span: span, signedWithin: signedWithin};
})();
