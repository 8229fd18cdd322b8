public enum DossierUIPlaceholder {}
