// ladder's room page, made live. Without this script the page is plain
// forms and links, and works; with it, the page follows the facilitator
// over server-sent events and sends votes and ideas without reloading.
(function () {
  "use strict";
  var main = document.getElementById("room");
  var live = document.getElementById("live");
  if (!main || !window.fetch || !window.EventSource) return;

  // kept holds text typed and not sent on a view the room has left, by
  // the view's key, for when that question comes back (the facilitator
  // stepped on and back, or pressed a key by mistake).
  var kept = {};

  // show replaces the view with new HTML from the server, keeping what the
  // person was doing: the focused control, and text typed but not sent.
  function show(html) {
    var next = viewIn(html);
    if (next) showView(next);
  }

  // viewIn is the room's view in an answer, or null for an answer that is
  // not the room's: a Wi-Fi's own page (a captive portal's login), an
  // error with no body from something between the phone and the laptop.
  function viewIn(html) {
    var tpl = document.createElement("template");
    tpl.innerHTML = html.trim();
    return tpl.content.getElementById("view");
  }

  // showView is show for a view read from an answer.
  function showView(next) {
    var old = document.getElementById("view");
    // "Not sent" stays over a view of the same question or item with
    // nothing to say of its own: the same screen again (an idea's answer
    // comes down the phone's stream as well, maybe after the failure of
    // one sent before it), the facilitator settling an idea, the stream
    // back after the Wi-Fi. None of these brings the lost words to the
    // room, and a person looking at the phone now and then would see
    // the warning for a moment, or never, and take the idea as sent. It
    // goes when they send again (the answer says how that went), with a
    // later vote in, or with a view that says something of its own (an
    // answer to them) or is of another question, where "try again" has
    // nothing to try. It goes too with a view that shows nothing was lost
    // (nothingLost): what was sent arrived after the page gave up on it
    // (the laptop was asleep, its answer was cut off), or came from the
    // phone's other tab.
    var here = unsent && unsent.key === next.getAttribute("data-key");
    var stays = here && !next.querySelector("p.message") && !nothingLost(next, unsent.sent);
    // An idea that arrived so leaves the box, as when its answer comes.
    var went = here && unsent.sent.idea && nothingLost(next, unsent.sent) ? unsent.sent.idea.text : null;
    if (stays) say(next, notSentWords);
    showLost(next);
    showSending(next);
    if (old && old.outerHTML === next.outerHTML) return;
    // Views can cross on the way (the answer to a vote sent just before
    // the reveal, and the reveal's event): never go back to an older one.
    if (old && Number(next.getAttribute("data-seq")) < Number(old.getAttribute("data-seq"))) return;
    if (!stays) unsent = null;
    var focused = document.activeElement && document.activeElement.id;
    var typed = {};
    main.querySelectorAll("textarea[id], select[id]").forEach(function (el) { typed[el.id] = el.value; });
    var oldKey = old ? old.getAttribute("data-key") : "";
    main.replaceChildren(next);
    var newKey = next.getAttribute("data-key");
    if (newKey === oldKey) {
      Object.keys(typed).forEach(function (id) {
        var el = document.getElementById(id);
        // Text typed and not sent comes back into an empty box; a choice
        // (the area) comes back whatever the new view chose.
        if (el && (el.tagName === "SELECT" || !el.value)) el.value = typed[id];
      });
    } else {
      // Words typed stay with their question: kept while it is away,
      // back in its box when it returns, never in another question's.
      if (old) old.querySelectorAll("textarea[id]").forEach(function (el) {
        if (typed[el.id]) (kept[oldKey] = kept[oldKey] || {})[el.id] = typed[el.id];
      });
      var back = kept[newKey] || {};
      delete kept[newKey];
      Object.keys(back).forEach(function (id) {
        var el = document.getElementById(id);
        if (el && !el.value) el.value = back[id];
      });
      if (live) live.textContent = next.getAttribute("data-announce") || "";
    }
    var box = document.getElementById("text");
    if (box && went !== null && box.value === went) box.value = "";
    var again = focused && document.getElementById(focused);
    if (again) again.focus();
  }

  // Each vote this page sends is numbered. On a poor Wi-Fi a tap can hang
  // and the person taps again: a vote held up that arrives after one
  // tapped later changes nothing at the room (its "tap", this page's id
  // and the number), and its failure, once a later vote got through, does
  // not say "Not sent" over the vote that is in. An idea is not numbered:
  // each is one of its own, and a later one arriving does not make up for
  // one lost, which says "Not sent".
  var page = Math.random().toString(36).slice(2, 10);
  var tapped = 0, reached = 0;
  // unsent is the "Not sent" on the page (show keeps it): the key of the
  // view it was said on, and what was sent (as sending keeps it); null
  // for none.
  var unsent = null;
  var notSentWords = "Not sent: this phone cannot reach the room just now. Check it is on the same Wi-Fi as the facilitator's laptop, then try again.";

  // lost are the ideas this page sent that did not reach the room and
  // whose words are no longer in the box (a later idea was typed over
  // them): each is listed under the form of its question, with a button
  // that sends it again, until it gets through. key is the view's.
  var lost = [];

  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (!form.matches || !form.matches("form.vote, form.idea, form.join")) return;
    e.preventDefault();
    if (form.matches("form.join")) { join(form); return; }
    // The person is sending again: what this brings back says how it went.
    unsent = null;
    var data = new FormData(form);
    if (e.submitter && e.submitter.name) data.set(e.submitter.name, e.submitter.value);
    var n = 0;
    if (form.matches("form.vote")) {
      n = ++tapped;
      data.set("tap", page + "-" + n);
    }
    var view = document.getElementById("view");
    var key = view ? view.getAttribute("data-key") : "";
    var idea = form.matches("form.idea") && {
      key: key,
      question: data.get("question") || "", area: data.get("area") || "", text: data.get("text") || ""
    };
    // An idea sent again leaves the list as it goes, so that one tap
    // sends it once; it comes back if it fails again.
    if (idea) forget(idea);
    var button = e.submitter && form.contains(e.submitter) && !form.matches(".again") ? e.submitter : null;
    var word = button && button.querySelector(".word");
    var on = {
      tap: n, key: key, vote: view ? chosen(view) : "", choice: n ? data.get("choice") || "" : "", idea: idea || null,
      words: word ? "Sending your vote: " + word.textContent + "\u2026" : "Sending your idea\u2026",
      button: button && (button.id ? "#" + button.id : "form.idea:not(.again) button")
    };
    sending.push(on);
    if (view) { showLost(view); showSending(view); }
    if (n) statusInView();
    function arrived() {
      sending = sending.filter(function (s) { return s !== on; });
      var now = document.getElementById("view");
      if (now) showSending(now);
    }
    post(form.action, data, function (res) {
      if (res.status === 401) { arrived(); window.location.reload(); return; }
      return res.text().then(function (html) {
        // An answer that is not the room's view did not come from the
        // room: what was sent is not known to be in (catch).
        var next = viewIn(html);
        if (!next) throw new Error("not the room's answer");
        reached = Math.max(reached, n);
        arrived();
        // A vote tapped after the one that failed is in: nothing is lost.
        if (unsent && unsent.sent.tap > 0 && n > unsent.sent.tap) unsent = null;
        // An idea the room refused (too many at once) is not in either:
        // its words stay, in the box or listed.
        if (idea && !res.ok) keep(idea);
        showView(next);
        if (n) statusInView();
        if (idea && res.ok) {
          emptyBoxOf(idea);
          var text = document.getElementById("text");
          if (text) text.focus();
        }
      });
    }).catch(function () {
      arrived();
      // The view may already show it in (the room's view of the idea
      // came down the stream before its answer was lost): then, as when
      // the answer comes, nothing is said and the idea leaves the box.
      var now = document.getElementById("view");
      if (now && nothingLost(now, on)) {
        if (idea) emptyBoxOf(idea);
        return;
      }
      if (idea) keep(idea);
      if (n === 0 || n > reached) notSent(on);
    });
  });

  // statusInView brings the status line into view, where a vote tapped
  // says it is sending and then that it is in: on a small phone (320x568)
  // the line is under the four buttons, past the screen's edge, and a tap
  // on Green showed nothing that said it counted. "nearest" scrolls only
  // as far as the line needs, and not at all where it is seen.
  function statusInView() {
    var status = document.querySelector("#view p.status");
    if (status && status.scrollIntoView) status.scrollIntoView({ block: "nearest" });
  }

  // emptyBoxOf empties the idea box of the words of an idea that went,
  // not of a next idea typed while they were on their way.
  function emptyBoxOf(idea) {
    var text = document.getElementById("text");
    if (text && text.value === idea.text) text.value = "";
  }

  // wait is how long the page waits for an answer before it gives up
  // (data-wait seconds), in milliseconds.
  function wait() {
    return (Number(main.getAttribute("data-wait")) || 15) * 1000;
  }

  // post sends a form's fields to the room, asking for its view in the
  // answer, and hands the answer to read (which reads its body). A Wi-Fi
  // that swallows a request leaves the browser waiting for minutes: the
  // page gives up after its wait, the reading included, and the promise
  // post gives fails as when the request or read fails.
  function post(url, fields, read) {
    return ask(url, { method: "POST", body: new URLSearchParams(fields) }, read);
  }

  // ask is post for any request (init, as fetch takes it): the room's
  // view asked for, given up after the page's wait.
  function ask(url, init, read) {
    var abort = window.AbortController ? new AbortController() : null;
    var timer = abort && setTimeout(function () { abort.abort(); }, wait());
    function stop() { clearTimeout(timer); }
    init.headers = { "X-Ladder-Live": "1" };
    init.credentials = "same-origin";
    init.signal = abort ? abort.signal : undefined;
    return fetch(url, init).then(read).then(stop, function (err) { stop(); throw err; });
  }

  // join sends the PIN as the form would, without leaving the page: a
  // plain form post to a laptop out of reach left the phone on the
  // browser's own error page. The button says "Joining…" until the room
  // answers, and a second tap meanwhile sends nothing (it would join
  // twice); with no answer within the wait, the page says "Not sent",
  // the PIN still typed. Once in, the page follows the room (follow).
  var joining = false;
  function join(form) {
    if (joining) return;
    joining = true;
    var button = form.querySelector("button");
    var label = button ? button.textContent : "";
    if (button) button.textContent = "Joining\u2026";
    var said = document.querySelector("#view p.message");
    if (said) said.remove();
    function answered() {
      joining = false;
      if (button) button.textContent = label;
    }
    post(form.action, new FormData(form), function (res) {
      return res.text().then(function (html) {
        var next = viewIn(html);
        if (!next) throw new Error("not the room's answer");
        answered();
        showView(next);
        if (next.getAttribute("data-key") !== "join") {
          document.title = "The room \u00b7 ladder";
          follow();
        }
      });
    }).catch(function () {
      answered();
      var view = document.getElementById("view");
      if (view) say(view, notSentWords);
    });
  }

  // sending are the votes and ideas on their way, each with its tap (0
  // for an idea), the key of the view it was sent from, the phone's vote
  // that view showed, the choice tapped ("" for an idea) or the idea
  // (null for a vote), the words the status line says meanwhile, and the
  // button tapped (a selector: views are replaced).
  var sending = [];

  // showSending marks on a view what is on its way from it: the button
  // tapped, and the status line, which says it again as it changes
  // (role="status"); once nothing is, the status line says what it said.
  function showSending(view) {
    view.querySelectorAll("span.sending").forEach(function (el) { el.remove(); });
    var status = view.querySelector("p.status");
    if (status && status.was) {
      status.replaceChildren.apply(status, status.was);
      status.was = null;
    }
    // A vote tapped before one that is in changes nothing now (the room
    // keeps the later), whatever becomes of it.
    var key = view.getAttribute("data-key");
    var mine = sending.filter(function (s) { return s.key === key && (s.tap === 0 || s.tap > reached); });
    if (!mine.length) return;
    mine.forEach(function (s) {
      var button = s.button && view.querySelector(s.button);
      if (!button) return;
      var mark = document.createElement("span");
      mark.className = "sending";
      mark.setAttribute("aria-hidden", "true");
      mark.textContent = "sending\u2026";
      button.insertBefore(mark, button.querySelector(".desc"));
    });
    // A vote on its way says so in place of "your vote is in" (or not
    // yet); an idea after what is said of those already in.
    var last = mine[mine.length - 1];
    if (status) {
      status.was = Array.from(status.childNodes);
      if (last.tap) status.replaceChildren(last.words);
      else status.append(" ", last.words);
    }
  }

  function sameIdea(a, b) {
    return a.key === b.key && a.question === b.question && a.area === b.area && a.text === b.text;
  }

  function forget(idea) {
    lost = lost.filter(function (l) { return !sameIdea(l, idea); });
  }

  // keep lists an idea that did not reach the room, unless its words are
  // still in the box, where "Send idea" sends them again: a button of its
  // own as well could send them twice.
  function keep(idea) {
    var view = document.getElementById("view");
    var box = document.getElementById("text");
    var here = view && view.getAttribute("data-key") === idea.key;
    if (here && box && box.value === idea.text) return;
    forget(idea);
    lost.push(idea);
    if (view) showLost(view);
  }

  // showLost lists, under the idea form of a view, the ideas of its
  // question that did not reach the room, each with a button that sends
  // it again. The words are the person's own, put in as text.
  function showLost(view) {
    var key = view.getAttribute("data-key");
    var old = view.querySelector("section.unsent");
    if (old) old.remove();
    // An idea the page gave up on can reach the room all the same (late,
    // or sent from the phone's other tab): listed among the phone's
    // ideas, it is no longer offered.
    lost = lost.filter(function (l) { return l.key !== key || !listed(view, l); });
    var mine = lost.filter(function (l) { return l.key === key; });
    var form = view.querySelector("form.idea");
    if (!mine.length || !form) return;
    var section = document.createElement("section");
    section.className = "unsent";
    section.setAttribute("aria-labelledby", "unsent-title");
    var title = document.createElement("h2");
    title.id = "unsent-title";
    title.textContent = mine.length === 1 ? "Your idea not sent" : "Your ideas not sent";
    var list = document.createElement("ul");
    list.className = "ideas";
    mine.forEach(function (l, i) {
      var item = document.createElement("li");
      var words = document.createElement("p");
      words.id = "unsent-" + i;
      words.textContent = l.text;
      var again = document.createElement("form");
      again.className = "idea again";
      again.method = "post";
      again.action = "/idea";
      ["question", "area", "text"].forEach(function (name) {
        var input = document.createElement("input");
        input.type = "hidden";
        input.name = name;
        input.value = l[name];
        again.appendChild(input);
      });
      var button = document.createElement("button");
      button.type = "submit";
      button.textContent = "Send again";
      button.setAttribute("aria-describedby", words.id);
      again.appendChild(button);
      item.append(words, again);
      list.appendChild(item);
    });
    section.append(title, list);
    form.after(section);
  }

  // listed says whether a view lists an idea among the phone's, waiting
  // or settled ("Area: words" where the question is asked per area). The
  // room keeps an idea as one line (line breaks and runs of spaces one
  // space), and takes the same words in other capitals as the same idea
  // (listing the first sent), so the words are compared as it does.
  function listed(view, l) {
    var words = oneLine(l.text).toLowerCase();
    var area = "";
    var select = view.querySelector("#area");
    if (l.area && select) {
      Array.prototype.forEach.call(select.options, function (o) { if (o.value === l.area) area = oneLine(o.textContent).toLowerCase() + ": "; });
    }
    return Array.prototype.some.call(view.querySelectorAll("ul.ideas li"), function (li) {
      var line = oneLine(li.textContent).toLowerCase();
      return line === area + words || line === "\u2713 accepted: " + area + words || line === "\u2717 not taken: " + area + words;
    });
  }

  function oneLine(text) {
    return (text.normalize ? text.normalize("NFC") : text).replace(/[ \t\n\r]+/g, " ").trim();
  }

  // notSent says, on the page, that a vote or an idea did not reach the
  // room: the phone lost the Wi-Fi, or the laptop is out of reach. The
  // page stays as it is, with any text typed, for the person to send it
  // again; the words stay until then (show says when they go). (A plain
  // form post here left the page for the browser's own error page, which
  // stayed there after the Wi-Fi came back.) sent is what was sent (see
  // sending).
  function notSent(sent) {
    var view = document.getElementById("view");
    if (!view) return;
    var key = view.getAttribute("data-key");
    if (nothingLost(view, sent)) return;
    unsent = { key: key, sent: sent };
    say(view, notSentWords);
    showLost(view);
    // A vote tapped scrolled the page down to its status line
    // (statusInView), under the buttons on a small phone, and the
    // message is at the top of the view: its role="alert" is heard, not
    // seen, past the screen's edge.
    var message = view.querySelector("p.message");
    if (message && message.scrollIntoView) message.scrollIntoView({ block: "nearest" });
  }

  // nothingLost says whether a view of the screen something was sent
  // from (s, as sending keeps it) shows that nothing of it is lost,
  // whatever became of its request: an idea listed among the phone's
  // (waiting or settled); the vote tapped in, or another vote of the
  // phone's in since the tap (from its other tab), which the view shows.
  function nothingLost(view, s) {
    if (view.getAttribute("data-key") !== s.key) return false;
    if (s.idea) return listed(view, s.idea);
    var now = chosen(view);
    return s.tap > 0 && (now !== s.vote || now === s.choice);
  }

  // chosen is the phone's vote a view shows ("" for none).
  function chosen(view) {
    var mine = view.querySelector('form.vote [aria-pressed="true"]');
    return mine ? mine.value : "";
  }

  // say puts text at the top of a view, in its message.
  function say(view, text) {
    var p = view.querySelector("p.message");
    if (!p) {
      p = document.createElement("p");
      p.className = "message";
      p.setAttribute("role", "alert");
      view.insertBefore(p, view.firstChild);
    }
    p.textContent = text;
  }

  // follow follows the room over its stream, from a page loaded in the
  // room or once the PIN is taken (join).
  var events, heard;
  function follow() {
    main.setAttribute("data-live", "on");
    listen();
    // A stream can die on a poor Wi-Fi with no word to the browser, which
    // then waits on it for good: the room pings every 20 seconds, and a
    // stream quiet for longer than data-quiet seconds (or a reconnection
    // hanging as long) is opened again; its first view is the room now. A
    // phone waking from sleep, its clock on, opens it again at once. It
    // looks every second (see second).
    (function watch() {
      var quiet = (Number(main.getAttribute("data-quiet")) || 45) * second();
      if (events.readyState !== EventSource.CLOSED && Date.now() - heard > quiet) {
        events.close();
        listen();
      }
      setTimeout(watch, second());
    })();
  }

  // failed counts the stream's errors since it was last open: a network
  // lost now and then is the browser's to retry, but one that fails again
  // and again (the laptop closes this phone's connections: too many from
  // one address) the page takes over, as it does a stream refused.
  var failed = 0;
  function listen() {
    heard = Date.now();
    events = new EventSource("/events");
    events.addEventListener("view", function (e) { heard = Date.now(); show(e.data); });
    events.addEventListener("ping", function () { heard = Date.now(); });
    events.onopen = function () { heard = Date.now(); failed = 0; backoff = 0; triedAgain = false; };
    events.onerror = function () {
      if (events.readyState !== EventSource.CLOSED && ++failed < 3) return;
      events.close();
      failed = 0;
      findRoom();
    };
  }

  // backoff is the page's wait, in seconds, before it tries the room or
  // its stream again, doubled at each try up to 30, and 0 once the stream
  // is open. triedAgain says the stream was opened again since the room
  // last answered and has not opened: failing again, it was refused.
  var backoff = 0, triedAgain = false;

  // second is a second of the page's waits in milliseconds: data-second
  // (1000 on the room's page; the tests shorten it, so that they do not
  // wait out the schedule in real seconds).
  function second() {
    return Number(main.getAttribute("data-second")) || 1000;
  }

  // backoffWait is backoff in milliseconds.
  function backoffWait() {
    return backoff * second();
  }

  // findRoom asks the room what this phone is now, once its stream is
  // refused or keeps failing. Not in the room (ladder started again after
  // a break, or another browser on the phone took its place): the page
  // starts again from the PIN. In the room (the laptop holds all the
  // connections it takes, or as many as one address may have): it stays,
  // says so, and tries again later. Out of reach: it says so, and asks
  // again later. The page reloaded itself every two seconds while a
  // stream was refused, burning the phone's battery and the venue's
  // Wi-Fi, blank half the time and saying nothing.
  function findRoom() {
    ask("/", {}, function (res) { return res.text().then(found); }).catch(function () {
      triedAgain = false;
      backoff = Math.min(backoff ? backoff * 2 : 2, 30);
      var view = document.getElementById("view");
      if (view && view.getAttribute("data-key") !== "ended") {
        say(view, "This phone cannot reach the room just now. Check it is on the same Wi-Fi as the facilitator's laptop: this page tries again by itself in " + backoff + " seconds.");
      }
      setTimeout(findRoom, backoffWait());
    });
  }

  // found is what findRoom does with the room's answer.
  function found(html) {
    var next = viewIn(html);
    if (!next) throw new Error("not the room's answer");
    if (next.getAttribute("data-key") === "join") {
      window.location.reload();
      return;
    }
    showView(next);
    // The first time the room answers, the stream may have failed with
    // the Wi-Fi, back now: it is opened again at once, and nothing said.
    // A wait grown while the room was out of reach is no refusal.
    if (!triedAgain) {
      triedAgain = true;
      backoff = 0;
      listen();
      return;
    }
    backoff = Math.min(backoff ? backoff * 2 : 4, 30);
    var view = document.getElementById("view");
    if (view) say(view, "Too many connections to the room just now: this page tries again by itself in " + backoff + " seconds. Close other tabs of this page, if there are any.");
    setTimeout(listen, backoffWait());
  }
  if (main.getAttribute("data-live") === "on") follow();
})();
