package io.github.srboot.ddl;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden tests: every example of {@link DdlExamples} renders to exactly its expected text.
 */
class DdlRenderingTest {

	static List<DdlExamples.Example> examples() {
		return DdlExamples.all();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("examples")
	void rendersExactly(DdlExamples.Example example) {
		assertThat(Ddl.render(example.statement())).isEqualTo(example.sql());
	}

	static List<DdlExamples.Example> plainCreates() {
		return DdlExamples.all()
			.stream()
			.filter((example) -> example.statement() instanceof CreateObject create && create.database() == null
					&& !create.ifNotExists() && !create.orReplace())
			.toList();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("plainCreates")
	void plainCreateRendersTheSameThroughTheSchemaObjectEntryPoint(DdlExamples.Example example) {
		assertThat(Ddl.render(((CreateObject) example.statement()).object())).isEqualTo(example.sql());
	}

}
