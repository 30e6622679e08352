/* The query page of kg serve: YASGUI pointed at this endpoint, the named queries as examples. */
(function () {
  "use strict";

  var config = JSON.parse(document.getElementById("kg-config").textContent);
  var endpoint = new URL(config.endpoint, window.location.href).href;
  var prefixLines = Object.keys(config.prefixes)
    .map(function (p) { return "PREFIX " + p + ": <" + config.prefixes[p] + ">"; })
    .join("\n");
  var starter = prefixLines + "\n\nSELECT ?s ?p ?o\nWHERE {\n  ?s ?p ?o\n}\nLIMIT 10\n";

  // Only completers that need no network: the class and property ones ask a web service.
  var offline = ["prefixes", "variables"];
  Yasgui.Yasqe.defaults.autocompleters = offline.slice();
  Yasgui.defaults.yasqe.autocompleters = offline.slice();

  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    persistenceId: "kg-yasgui-" + window.location.host,
    yasqe: { value: starter },
    tabName: "query",
  });
  window.kgYasgui = yasgui;

  var link = document.getElementById("kg-endpoint");
  link.textContent = endpoint;

  var select = document.getElementById("kg-examples");
  var description = document.getElementById("kg-description");
  var byName = {};
  config.queries.forEach(function (query) {
    byName[query.name] = query;
    var option = document.createElement("option");
    option.value = query.name;
    option.textContent = query.name;
    option.title = query.description;
    select.appendChild(option);
  });

  /* Open a named query in its own tab (or go back to the tab already open for it). */
  function openExample(name) {
    var query = byName[name];
    if (!query) { return null; }
    select.value = query.name;
    var needs = query.needs.map(function (v) { return "?" + v; });
    description.textContent = query.description + (needs.length
      ? " — " + needs.join(", ") + ": add VALUES " + needs[0] + " { \"…\"@zh } inside WHERE { }"
      : "");
    var open = yasgui.tabNameTaken(query.name);
    if (open) {
      yasgui.selectTabId(open.getId());
      return open;
    }
    return yasgui.addTab(true, {
      name: query.name,
      yasqe: { value: query.text },
      requestConfig: { endpoint: endpoint },
    });
  }
  window.kgOpenExample = openExample;

  select.addEventListener("change", function () {
    openExample(select.value);
  });
  document.documentElement.setAttribute("data-kg-ready", "1");
})();
