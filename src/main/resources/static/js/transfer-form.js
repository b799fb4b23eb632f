// The Transfer page: the license to add to is chosen only for "Yes", among the target account's licenses.
document.addEventListener('DOMContentLoaded', function () {
  var form = document.getElementById('transfer-form');
  if (!form) {
    return;
  }
  var target = document.getElementById('target');
  var yes = document.getElementById('addToExisting-yes');
  var no = document.getElementById('addToExisting-no');
  var addTo = document.getElementById('addTo');
  var addToGroup = document.getElementById('addTo-group');
  var versionNote = document.getElementById('addTo-version');
  function update() {
    var typed = target.value.trim().toUpperCase();
    var number = /^A-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(typed) ? typed : '';
    addTo.disabled = !yes.checked;
    addToGroup.hidden = !yes.checked;
    Array.prototype.forEach.call(addTo.options, function (option) {
      if (option.value) {
        option.hidden = number !== '' && option.getAttribute('data-account') !== number;
      }
    });
    if (addTo.selectedOptions.length && addTo.selectedOptions[0].hidden) {
      addTo.value = '';
    }
    // Channels added to a license of another version take its version: say so before anyone confirms.
    var chosen = addTo.value && yes.checked ? addTo.selectedOptions[0].getAttribute('data-version') : null;
    versionNote.hidden = !chosen || chosen === versionNote.getAttribute('data-source-version');
    if (chosen) {
      // The sentence comes from the page, in the reader's language, with {version} where the chosen one goes.
      versionNote.textContent = versionNote.getAttribute('data-text').replace('{version}', chosen);
    }
  }
  [target, yes, no, addTo].forEach(function (element) {
    element.addEventListener('input', update);
    element.addEventListener('change', update);
  });
  update();
});
