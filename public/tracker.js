/* Marketing Ops Tracker snippet (ES2017, no build). MOT.init({ endpoint, workspaceKey, campaignId?, pixel?, pageView? });
   MOT.track(type, { value, currency, promo_code, metadata }). Each event_id is stored once; no retries. */
(function (w) {
  'use strict';
  var STORE = 'mot_ctx';
  var UTM = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'utm_term'];
  var cfg = null;
  var ctx = {};
  var vid = null; // visitor id
  var queue = [];
  var timer = null;

  function uuid() {
    var c = w.crypto;
    if (c.randomUUID) return c.randomUUID();
    var b = c.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64;
    b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  // utm_*, ?promo=, ?mot_campaign= from the landing URL, kept until a new landing replaces them.
  function capture() {
    var q = new URLSearchParams(w.location.search);
    var found = {};
    var any = false;
    UTM.concat(['promo', 'mot_campaign']).forEach(function (k) {
      var v = q.get(k);
      if (v) { found[k] = v.slice(0, 128); any = true; }
    });
    try {
      if (any) w.localStorage.setItem(STORE, JSON.stringify(found));
      ctx = any ? found : JSON.parse(w.localStorage.getItem(STORE)) || {};
      vid = w.localStorage.getItem('mot_vid') || uuid();
      w.localStorage.setItem('mot_vid', vid);
    } catch (e) { ctx = found; }
  }

  function send(events) {
    var body = JSON.stringify({ key: cfg.workspaceKey, events: events });
    // text/plain: a "simple" request sendBeacon accepts; the key rides in the body.
    var blob = new Blob([body], { type: 'text/plain' });
    if (w.navigator.sendBeacon && w.navigator.sendBeacon(cfg.endpoint, blob)) return;
    w.fetch(cfg.endpoint, { method: 'POST', body: blob, keepalive: true, credentials: 'omit' }).catch(function () {});
  }

  function flush() {
    if (timer) { clearTimeout(timer); timer = null; }
    while (queue.length) send(queue.splice(0, 50));
  }

  function track(type, opts) {
    if (!cfg) throw new Error('MOT.init must be called before MOT.track');
    opts = opts || {};
    var meta = Object.assign({}, opts.metadata);
    var utm = {};
    UTM.forEach(function (k) { if (ctx[k]) utm[k] = ctx[k]; });
    if (Object.keys(utm).length) meta.utm = utm;
    meta.page = w.location.pathname;
    if (vid) meta.visitor_id = vid;
    if (w.document.referrer) meta.referrer = w.document.referrer.slice(0, 256);
    var ev = {
      event_id: opts.event_id || uuid(),
      event_type: type,
      event_time: new Date().toISOString(),
      schema_version: 1,
      metadata: meta
    };
    if (opts.value != null) ev.value = Number(opts.value);
    if (opts.currency) ev.currency = String(opts.currency).toUpperCase();
    var promo = opts.promo_code || ctx.promo;
    if (promo) ev.promo_code = String(promo);
    var campaign = opts.campaign_id || cfg.campaignId || ctx.mot_campaign;
    if (campaign) ev.campaign_id = campaign;
    // Same id to the Meta Pixel, so Meta deduplicates.
    if (cfg.pixel && typeof w.fbq === 'function') {
      w.fbq('track', type, ev.value != null ? { value: ev.value, currency: ev.currency } : {}, { eventID: ev.event_id });
    }
    queue.push(ev);
    if (queue.length >= 50) flush();
    else if (!timer) timer = setTimeout(flush, 300);
    return ev.event_id;
  }

  function init(options) {
    if (!options || !options.endpoint || !options.workspaceKey) throw new Error('MOT.init needs { endpoint, workspaceKey }');
    cfg = options;
    capture();
    w.addEventListener('pagehide', flush);
    w.document.addEventListener('visibilitychange', function () { if (w.document.visibilityState === 'hidden') flush(); });
    if (options.pageView !== false) track('PageView');
    return w.MOT;
  }

  w.MOT = { init: init, track: track, flush: flush, context: function () { return Object.assign({}, ctx); } };
})(window);
