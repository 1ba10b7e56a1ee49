// Runs in every rendered notebook page, after plotly.min.js, katex.min.js and highlight.min.js.
(function () {
  // Chart outputs are written for VS Code, where they load plotly through require.js from a CDN
  // (see shared/POLYGLOT.md section 5). The rendered page has neither require.js nor the network,
  // so this minimal stand-in answers their require calls with the local plotly.js.
  if (typeof window.requirejs !== 'function') {
    var modules = { plotly: function () { return window.Plotly; } };
    var requirejs = function (names, onLoad, onError) {
      if (typeof names === 'string') {
        return modules[names] ? modules[names]() : undefined;
      }
      var missing = names.filter(function (name) { return !modules[name]; });
      if (missing.length > 0) {
        var error = new Error('This offline page cannot load: ' + missing.join(', '));
        if (onError) { onError(error); } else { console.error(error); }
        return;
      }
      if (onLoad) { onLoad.apply(window, names.map(function (name) { return modules[name](); })); }
    };
    // config() returns the loader itself, as a private require.js context would.
    requirejs.config = function () { return requirejs; };
    window.requirejs = requirejs;
    window.require = requirejs;
  }

  document.addEventListener('DOMContentLoaded', function () {
    // Markdig marks formulas as class="math" holding \( .. \) (inline) or \[ .. \] (display).
    document.querySelectorAll('.math').forEach(function (element) {
      var text = element.textContent.trim();
      var display = text.indexOf('\\[') === 0;
      var body = text.replace(/^\\[\[(]/, '').replace(/\\[\])]$/, '');
      katex.render(body, element, { displayMode: display || element.tagName === 'DIV', throwOnError: false });
    });
    document.querySelectorAll('pre code.language-csharp').forEach(function (element) {
      hljs.highlightElement(element);
    });
  });
})();
