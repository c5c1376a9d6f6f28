extension PublicSearchPage {
    /// The export's search script: filters the listed items as the reader types, without a server.
    static let script = """
        (function () {
          var input = document.getElementById('q');
          var items = document.querySelectorAll('#search-results li');
          var none = document.getElementById('no-results');
          function filter() {
            var separators = /[\\s,，]+/; // full-width: the Chinese comma separates words too.
            var terms = input.value.toLowerCase().split(separators).filter(function (t) { return t.length > 0; });
            var shown = 0;
            items.forEach(function (li) {
              var text = li.getAttribute('data-search').toLowerCase();
              var match = terms.every(function (t) { return text.indexOf(t) >= 0; });
              li.hidden = !match;
              if (match) { shown += 1; }
            });
            none.hidden = shown > 0;
          }
          var params = new URLSearchParams(window.location.search);
          if (params.get('q')) { input.value = params.get('q'); }
          input.addEventListener('input', filter);
          input.form.addEventListener('submit', function (event) { event.preventDefault(); filter(); });
          filter();
        })();
        """
}
