window.ptLater = typeof Documentation;
