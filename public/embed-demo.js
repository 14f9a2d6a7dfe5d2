// The embed demo's host script (a separate file: the page's Content-Security-Policy allows no inline script).
// It only talks to the fitscope frame through postMessage, as a tutorial on another site would.
(function () {
  'use strict';
  var frame = document.getElementById('fitscope');
  var target = new URL(frame.src, window.location.href).origin;
  var log = document.getElementById('log');
  var buttons = ['run', 'stop', 'set-config', 'run-config'].map(function (id) {
    return document.getElementById(id);
  });
  /** Every message fitscope sent, for a reader's console (and the end-to-end test). */
  var messages = [];
  window.embedDemo = { messages: messages, send: send };

  function send(message) {
    message.source = 'fitscope';
    frame.contentWindow.postMessage(message, target);
  }

  function readConfig() {
    var text = document.getElementById('config').value.trim();
    if (text.charAt(0) !== '{') return text; // a query string, as in a link
    try {
      return JSON.parse(text);
    } catch (error) {
      addLine('host', 'The config is not valid JSON: ' + error.message);
      return undefined;
    }
  }

  function addLine(type, text) {
    var item = document.createElement('li');
    item.dataset.type = type;
    var name = document.createElement('strong');
    name.textContent = type;
    item.appendChild(name);
    item.appendChild(document.createTextNode(' ' + text));
    log.insertBefore(item, log.firstChild);
    while (log.children.length > 50) log.removeChild(log.lastChild);
  }

  function format(value, digits) {
    return typeof value === 'number' && isFinite(value) ? value.toPrecision(digits) : '–';
  }

  function showSummaries(summaries) {
    var body = document.querySelector('#summary tbody');
    body.textContent = '';
    summaries.forEach(function (s) {
      var row = document.createElement('tr');
      row.dataset.mode = s.mode;
      [s.mode, s.backend, String(s.batches), format(s.msPerBatchMedian, 3), format(s.finalLoss, 4), String(s.peakBytes)].forEach(
        function (text) {
          var cell = document.createElement('td');
          cell.textContent = text;
          row.appendChild(cell);
        },
      );
      body.appendChild(row);
    });
  }

  window.addEventListener('message', function (event) {
    // Only the frame we made, and only fitscope's messages.
    if (event.source !== frame.contentWindow || event.origin !== target) return;
    var data = event.data;
    if (!data || data.source !== 'fitscope') return;
    messages.push(data);
    switch (data.type) {
      case 'ready':
        buttons.forEach(function (b) {
          b.disabled = false;
        });
        addLine('ready', 'protocol v' + data.version + ', modes ' + data.config.modes.join(', '));
        break;
      case 'progress':
        addLine('progress', data.batches + ' batches, ' + data.modesDone + ' of ' + data.modes + ' modes done');
        break;
      case 'run-end':
        addLine('run-end', data.summaries.length + ' summaries' + (data.stopped ? ' (stopped)' : '') + ' on ' + data.backend.active);
        showSummaries(data.summaries);
        break;
      case 'error':
        addLine('error', data.message + (data.problems && data.problems.length ? ': ' + data.problems.join('; ') : ''));
        break;
      default:
        addLine(String(data.type), JSON.stringify(data));
    }
  });

  document.getElementById('run').addEventListener('click', function () {
    send({ type: 'run' });
  });
  document.getElementById('stop').addEventListener('click', function () {
    send({ type: 'stop' });
  });
  document.getElementById('set-config').addEventListener('click', function () {
    var config = readConfig();
    if (config !== undefined) send({ type: 'set-config', config: config });
  });
  document.getElementById('run-config').addEventListener('click', function () {
    var config = readConfig();
    if (config !== undefined) send({ type: 'run', config: config });
  });
  document.getElementById('width').addEventListener('change', function (event) {
    frame.setAttribute('width', event.target.value);
  });
})();
