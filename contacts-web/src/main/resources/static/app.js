// The reference helpdesk app's only script: the filter panel (operators for the chosen
// attribute's type, the value input for the operator, filters and groups added and removed),
// and "+ file" on the ticket form. No library, no build step.
(function () {
  'use strict';
  var form = document.getElementById('filter-builder');
  if (form) {
    var meta = JSON.parse(form.getAttribute('data-meta'));
    var typeOf = function (row) {
      var a = row.querySelector('[data-field=a]');
      var o = a.options[a.selectedIndex];
      return o ? o.getAttribute('data-type') : null;
    };
    var widgetOf = function (row) {
      var sel = row.querySelector('[data-field=o]');
      var o = sel.options[sel.selectedIndex];
      return o ? o.getAttribute('data-widget') : 'none';
    };
    var showWidget = function (row) {
      var w = widgetOf(row);
      row.querySelectorAll('[data-w]').forEach(function (el) {
        el.hidden = el.getAttribute('data-w').split(' ').indexOf(w) < 0;
      });
    };
    var fillOperators = function (row) {
      var sel = row.querySelector('[data-field=o]');
      var want = sel.value || sel.getAttribute('data-value');
      sel.innerHTML = '';
      (meta.operators[typeOf(row)] || []).forEach(function (c) {
        var op = document.createElement('option');
        op.value = c.name;
        op.textContent = c.label;
        op.setAttribute('data-widget', c.widget);
        if (c.name === want) { op.selected = true; }
        sel.appendChild(op);
      });
      showWidget(row);
    };
    var renumberGroups = function () {
      form.querySelectorAll('.fgroup').forEach(function (g, i) {
        g.querySelectorAll('[data-field=g]').forEach(function (x) { x.value = i; });
        var legend = g.querySelector('.glabel');
        if (legend) { legend.textContent = i === 0 ? 'Match all of:' : 'Or match all of:'; }
      });
    };
    var addRow = function (group) {
      var row = document.getElementById('row-template').content.firstElementChild.cloneNode(true);
      group.querySelector('.frows').appendChild(row);
      fillOperators(row);
      renumberGroups();
      row.querySelector('[data-field=a]').focus();
      return row;
    };
    var addGroup = function () {
      var g = document.getElementById('group-template').content.firstElementChild.cloneNode(true);
      document.getElementById('groups').appendChild(g);
      addRow(g);
    };
    form.addEventListener('change', function (e) {
      var row = e.target.closest('.frow');
      if (!row) { return; }
      var field = e.target.getAttribute('data-field');
      if (field === 'a') { row.querySelector('[data-field=o]').value = ''; fillOperators(row); }
      if (field === 'o') { showWidget(row); }
    });
    form.addEventListener('click', function (e) {
      var b = e.target.closest('button[data-act]');
      if (!b) { return; }
      e.preventDefault();
      var act = b.getAttribute('data-act');
      if (act === 'add') { addRow(b.closest('.fgroup')); }
      if (act === 'group') { addGroup(); }
      if (act === 'remove') {
        var row = b.closest('.frow');
        var group = row.closest('.fgroup');
        row.remove();
        if (!group.querySelector('.frow') && form.querySelectorAll('.fgroup').length > 1) { group.remove(); }
        renumberGroups();
      }
    });
    form.addEventListener('submit', function () {
      renumberGroups();
      form.querySelectorAll('.frow').forEach(function (row, i) {
        row.querySelectorAll('[data-field]').forEach(function (el) {
          if (el.hasAttribute('data-w') && el.hidden) { el.removeAttribute('name'); return; }
          el.name = 'r' + i + '.' + el.getAttribute('data-field');
        });
      });
    });
    form.querySelectorAll('.frow').forEach(fillOperators);
  }
  document.querySelectorAll('[data-add-file]').forEach(function (b) {
    b.addEventListener('click', function (e) {
      e.preventDefault();
      var box = document.getElementById(b.getAttribute('data-add-file'));
      var input = document.createElement('input');
      input.type = 'file';
      input.name = 'files';
      input.id = 'ticket-file-' + box.querySelectorAll('input[type=file]').length;
      box.appendChild(input);
      input.focus();
    });
  });
}());
