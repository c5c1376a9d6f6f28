/// The one script of the signed-in pages, plain and small: a form marked `data-confirm` asks before it is sent, and a
/// check box marked `data-select-all` ticks every box named in it. Every page works without it.
enum AppScript {
    static let source = """
        document.addEventListener("submit", function (event) {
          var form = event.target;
          var button = event.submitter;
          var message = (button && button.getAttribute("data-confirm")) || form.getAttribute("data-confirm");
          if (message && !window.confirm(message)) { event.preventDefault(); }
        });
        document.addEventListener("change", function (event) {
          var box = event.target;
          var name = box.getAttribute && box.getAttribute("data-select-all");
          if (!name) { return; }
          document.querySelectorAll("input[type=checkbox][name='" + name + "']").forEach(function (other) { other.checked = box.checked; });
        });
        """
}
