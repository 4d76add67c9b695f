package io.github.srboot.ddl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class ScratchParseAllTests {

	@Test
	void parseAll() throws Exception {
		try (Stream<Path> files = Stream.concat(Files.list(Path.of("src/test/resources/ddl/show-create")),
				Files.list(Path.of("src/test/resources/ddl/user")))) {
			files.sorted().forEach((file) -> {
				try {
					System.out.println("== " + file + " -> " + Ddl.parse(Files.readString(file)));
				}
				catch (Exception ex) {
					System.out.println("!! " + file + " -> " + ex); ex.printStackTrace(System.out);
				}
			});
		}
	}

}
