package dev.alive.deploy.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alive.deploy.HistoryResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonDocumentsTest {

    @Test
    void writesFormatVersionFirstThenTheComponentsInOrderWithNulls() {
        var document = new ApplyDocument(false, 12, List.of(
                new ApplyDocument.Ran("a.test", "run-1", "rolled_back", List.of("a.test/dns"), List.of(),
                        new ApplyDocument.Failure("a.test/build", "exit 1"), List.of("a.test/dns"), List.of(), null),
                new ApplyDocument.Locked("b.test", "locked", "pid 7 on host")));

        assertThat(JsonDocuments.write(document)).isEqualTo("""
                {
                  "formatVersion" : 1,
                  "succeeded" : false,
                  "elapsedMillis" : 12,
                  "sites" : [ {
                    "site" : "a.test",
                    "runId" : "run-1",
                    "outcome" : "rolled_back",
                    "ran" : [ "a.test/dns" ],
                    "upToDate" : [ ],
                    "failure" : {
                      "task" : "a.test/build",
                      "message" : "exit 1"
                    },
                    "undone" : [ "a.test/dns" ],
                    "leftBehind" : [ ],
                    "summary" : null
                  }, {
                    "site" : "b.test",
                    "outcome" : "locked",
                    "lockedBy" : "pid 7 on host"
                  } ]
                }""");
    }

    @Test
    void resultsThatAreDocumentsAreWrittenAsTheyAre() {
        var history = new HistoryResult("a.test", List.of());
        assertThat(JsonDocuments.write(history)).isEqualTo("""
                {
                  "formatVersion" : 1,
                  "site" : "a.test",
                  "runs" : [ ]
                }""");
    }
}
