// Refuses an activation request file over 64 KiB before it is uploaded (the server refuses it too).
document.addEventListener('DOMContentLoaded', function () {
  var form = document.getElementById('upload-request');
  var input = document.getElementById('requestFile');
  var warning = document.getElementById('too-large');
  if (!form || !input || !warning) {
    return;
  }
  form.addEventListener('submit', function (event) {
    var file = input.files && input.files[0];
    var tooLarge = !!file && file.size > 64 * 1024;
    warning.classList.toggle('d-none', !tooLarge);
    if (tooLarge) {
      event.preventDefault();
    }
  });
});
