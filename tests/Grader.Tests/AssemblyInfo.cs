// Checks and tests drive native libtorch code, whose global state (threads, seeds) is not proven
// safe to share between tests running at once: everything here runs one test at a time.
[assembly: NonParallelizable]
