import Testing
@testable import DossierConfig

/// Dates and times (RFC 3339), checked and kept as written.
struct DateTimeTests {
    @Test(arguments: ["1979-05-27T07:32:00Z", "1979-05-27T00:32:00-07:00", "1979-05-27T00:32:00.999999+05:30",
                      "1979-05-27 07:32:00Z", "1979-05-27t07:32:00z", "2024-02-29T23:59:60Z"])
    func offsetDateTime_isKeptAsWritten(text: String) {
        #expect(TOMLDocument.kind(ofValue: text) == .offsetDateTime(text))
    }

    @Test(arguments: ["1979-05-27T07:32:00", "1979-05-27 00:32:00.5"])
    func localDateTime_isKeptAsWritten(text: String) {
        #expect(TOMLDocument.kind(ofValue: text) == .localDateTime(text))
    }

    @Test func localDate_andLocalTime_areKeptAsWritten() {
        #expect(TOMLDocument.kind(ofValue: "1979-05-27") == .localDate("1979-05-27"))
        #expect(TOMLDocument.kind(ofValue: "07:32:00") == .localTime("07:32:00"))
        #expect(TOMLDocument.kind(ofValue: "00:32:00.999999") == .localTime("00:32:00.999999"))
    }

    @Test func date_followedByAComment_isADate_notADateTime() {
        let document = TOMLDocument(text: "d = 1979-05-27 # birthday\n")
        #expect(document.problems.isEmpty)
        #expect(document.root["d"]?.kind == .localDate("1979-05-27"))
    }

    @Test(arguments: ["2023-02-29", "2100-02-29", "1988-02-30", "2006-04-31", "2006-13-01", "2006-00-10", "2006-01-00",
                      "2006-01-01T24:00:00", "2006-01-01T00:60:00", "2006-01-01T00:00:61", "24:00:00", "07:32",
                      "1979-05-27T07:32", "1979-5-27", "10000-01-01", "1979-05-27T07:32:00+25:00", "1979-05-27T07:32:00+05",
                      "1979-05-27T07:32:00.", "1979-05-27X07:32:00", "1979-05-27T07:32:00Zjunk"])
    func dateOrTime_thatNamesNoRealMomentOrIsMisshapen_isAProblem(text: String) {
        #expect(TOMLDocument.kind(ofValue: text) == nil)
        #expect(TOMLDocument.problem(ofValue: text) != nil)
    }

    @Test func february29_inALeapYear_isADate() {
        #expect(TOMLDocument.kind(ofValue: "2000-02-29") == .localDate("2000-02-29"))
        #expect(TOMLDocument.kind(ofValue: "2024-02-29") == .localDate("2024-02-29"))
    }
}
