/// Which Dossier this is, for `dossier --version`.
public enum DossierVersion {
    public static let current = "0.1.0"
}
