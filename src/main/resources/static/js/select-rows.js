// "Select all rows on this page" for tables whose rows have .row-select check boxes.
document.addEventListener('DOMContentLoaded', function () {
  var all = document.getElementById('select-all');
  if (!all) {
    return;
  }
  var rows = Array.prototype.slice.call(document.querySelectorAll('.row-select'));
  all.addEventListener('change', function () {
    rows.forEach(function (row) { row.checked = all.checked; });
  });
  rows.forEach(function (row) {
    row.addEventListener('change', function () {
      var checked = rows.filter(function (r) { return r.checked; }).length;
      all.checked = checked === rows.length;
      all.indeterminate = checked > 0 && checked < rows.length;
    });
  });
});
