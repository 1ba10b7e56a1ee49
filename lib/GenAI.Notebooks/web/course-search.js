// The course site's offline search: runs on the index and on every notebook page of a folder run, after
// minisearch.min.js (window.MiniSearch) and search-data.js (window.genaiSearchDocuments, one document per cell).
// Nothing is fetched: the documents come in as a script, so the search works from file:// as well.
(function () {
  var MAX_RESULTS = 12;
  var index = null;

  function buildIndex() {
    if (index) { return index; }
    var documents = window.genaiSearchDocuments || [];
    // Only a document's own text is searched: a cell's notebook title and section heading are shown with it,
    // but searching them would find every cell below a heading. Each notebook also has one document of its
    // title and goal line (no anchor), so a search for a title finds the page.
    index = new MiniSearch({
      fields: ['text'],
      storeFields: ['page', 'anchor', 'notebook', 'section', 'text'],
      searchOptions: { prefix: true, fuzzy: 0.2, combineWith: 'AND' }
    });
    index.addAll(documents);
    return index;
  }

  // A short piece of the document's text around the first matched term, with that term marked.
  function snippet(text, terms) {
    var lower = text.toLowerCase();
    var at = -1, length = 0;
    terms.forEach(function (term) {
      var i = lower.indexOf(term.toLowerCase());
      if (i >= 0 && (at < 0 || i < at)) { at = i; length = term.length; }
    });
    if (at < 0) { return document.createTextNode(text.slice(0, 160)); }
    var start = Math.max(0, at - 60), end = Math.min(text.length, at + length + 100);
    var piece = document.createElement('span');
    piece.appendChild(document.createTextNode((start > 0 ? '… ' : '') + text.slice(start, at)));
    var mark = document.createElement('mark');
    mark.textContent = text.slice(at, at + length);
    piece.appendChild(mark);
    piece.appendChild(document.createTextNode(text.slice(at + length, end) + (end < text.length ? ' …' : '')));
    return piece;
  }

  function show(form, query) {
    var list = form.querySelector('.site-search-results');
    list.innerHTML = '';
    query = query.trim();
    if (query.length < 2) { list.hidden = true; return; }
    var results = buildIndex().search(query).slice(0, MAX_RESULTS);
    if (results.length === 0) {
      var none = document.createElement('li');
      none.className = 'no-results';
      none.textContent = 'Nothing found for "' + query + '".';
      list.appendChild(none);
    }
    results.forEach(function (result) {
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = encodeURIComponent(result.page) + (result.anchor ? '#' + encodeURIComponent(result.anchor) : '');
      link.textContent = result.notebook + (result.section && result.section !== result.notebook ? ' › ' + result.section : '');
      item.appendChild(link);
      var text = document.createElement('p');
      text.appendChild(snippet(result.text, result.terms));
      item.appendChild(text);
      list.appendChild(item);
    });
    list.hidden = false;
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (typeof MiniSearch !== 'function') {
      console.error('The course search cannot run: assets/minisearch.min.js did not load.');
      return;
    }
    // ?q=term opens a page with the search already made (the address of a search can be shared).
    var asked = new URLSearchParams(window.location.search).get('q');
    document.querySelectorAll('form.site-search').forEach(function (form) {
      var input = form.querySelector('.site-search-input');
      input.addEventListener('input', function () { show(form, input.value); });
      input.addEventListener('keydown', function (event) {
        if (event.key === 'Escape') { input.value = ''; show(form, ''); }
        if (event.key === 'Enter') {
          var first = form.querySelector('.site-search-results a');
          if (first) { window.location.href = first.href; }
        }
      });
      if (asked) { input.value = asked; show(form, asked); }
    });
  });
})();
