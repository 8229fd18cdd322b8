public enum DossierTerminalPlaceholder {}
