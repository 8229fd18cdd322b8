/// Why a file's contents hold no article: a verdict on what it holds, kept with its stamp in the
/// index cache until the file changes, unlike an error reading it.
package struct ContentProblem: Error, Equatable {
    package let reason: String
}
