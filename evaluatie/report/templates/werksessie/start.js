// Start the werksessie's slides (reveal.js, inlined beside this script): the keyboard and the arrows on
// screen page through them, the slide number shows in the corner, the address remembers the slide.
Reveal.initialize({ hash: true, width: 1280, height: 760, margin: 0.03, center: false, controls: true,
  progress: true, slideNumber: "c/t", transition: "none" });
