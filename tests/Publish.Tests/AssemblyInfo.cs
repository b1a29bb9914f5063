using NUnit.Framework;

// Each test works in its own temporary folder, but the browser test starts a Chromium: one at a time on a 2-core machine.
[assembly: NonParallelizable]
