package com.crashanalytics.api.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.crashanalytics.api.testing.GatewaySchema;
import graphql.language.AbstractDescribedNode;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

/**
 * The contract documents itself: every type, field, argument, input field and enum value carries a description for
 * GraphiQL, and the file reads by area, section after section as its contents list them.
 */
class SchemaDocumentationTest {

    /** A section header opens with a rule after a blank line; the line after the rule is the section's title. */
    private static final Pattern RULE = Pattern.compile("# -{20,}");
    private static final String CONTENTS = "# Contents";
    private static final String CONTENTS_ENTRY = "#   ";

    @Test
    void everyElementOfTheSchemaIsDescribed() throws Exception {
        TypeDefinitionRegistry registry = GatewaySchema.definitions();
        List<String> undescribed = new ArrayList<>();

        registry.scalars().values().stream()
                .filter(scalar -> !isBuiltIn(scalar.getName()))
                .forEach(scalar -> requireDescription(scalar, scalar.getName(), undescribed));
        for (TypeDefinition<?> type : registry.types().values()) {
            requireDescription((AbstractDescribedNode<?>) type, type.getName(), undescribed);
            if (type instanceof ObjectTypeDefinition object) {
                object.getFieldDefinitions().forEach(field -> describeField(object.getName(), field, undescribed));
            }
            if (type instanceof InputObjectTypeDefinition input) {
                input.getInputValueDefinitions().forEach(value ->
                        requireDescription(value, input.getName() + "." + value.getName(), undescribed));
            }
            if (type instanceof EnumTypeDefinition enumType) {
                enumType.getEnumValueDefinitions().forEach(value ->
                        requireDescription(value, enumType.getName() + "." + value.getName(), undescribed));
            }
        }
        registry.objectTypeExtensions().values().stream().flatMap(List::stream).forEach(extension ->
                extension.getFieldDefinitions().forEach(field -> describeField(extension.getName(), field, undescribed)));

        assertThat(undescribed).as("schema elements without a description").isEmpty();
    }

    @Test
    void theCheckNoticesAMissingDescription() {
        TypeDefinitionRegistry registry = new SchemaParser().parse("\"A type.\" type T { undocumented: Int }");
        List<String> undescribed = new ArrayList<>();
        ObjectTypeDefinition type = (ObjectTypeDefinition) registry.getType("T").orElseThrow();

        type.getFieldDefinitions().forEach(field -> describeField("T", field, undescribed));

        assertThat(undescribed).containsExactly("T.undocumented");
    }

    @Test
    void theSchemaReadsByAreaAsItsContentsList() throws Exception {
        assertThat(layoutProblems(GatewaySchema.text())).as("layout of schema.graphqls").isEmpty();
    }

    @Test
    void theLayoutCheckNoticesAMisplacedDefinition() {
        String rule = "# " + "-".repeat(40);
        String schema = String.join("\n",
                "type Early { a: Int }",
                "",
                "# Contents",
                "#   Bots",
                "#   Insights: luck",
                "#   Sessions",
                "",
                rule, "# Bots", rule,
                "extend type Bot { late: Int }",
                "",
                rule, "# Insights: luck", rule,
                "type Bot { id: ID }",
                "",
                rule, "# Sessions", rule,
                "type Session { id: ID }",
                "",
                rule, "# Insights: ruin", rule,
                "type Ruin { id: ID }");

        assertThat(layoutProblems(schema)).containsExactlyInAnyOrder(
                "the contents list [Bots, Insights: luck, Sessions] but the sections are "
                        + "[Bots, Insights: luck, Sessions, Insights: ruin]",
                "the area Insights is split: section 'Insights: ruin' stands apart from its other sections",
                "Early (line 1) sits in no section",
                "an extension of Bot (line 11) comes before its definition (line 16)");
    }

    /**
     * What keeps the file readable by area: the sections are the ones its contents list, in that order, each once; an
     * area's sections (the same word before the colon: "Insights: luck or edge", "Insights: risk of ruin") stand
     * together; every definition sits in a section; a type's extensions come after its definition.
     */
    private static List<String> layoutProblems(String schema) {
        List<String> lines = schema.lines().toList();
        List<String> contents = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        List<Integer> sectionLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith(CONTENTS)) {
                for (int j = i + 1; j < lines.size() && lines.get(j).startsWith("#"); j++) {
                    if (lines.get(j).startsWith(CONTENTS_ENTRY)) {
                        contents.add(lines.get(j).substring(CONTENTS_ENTRY.length()).strip());
                    }
                }
            }
            boolean opensSection = RULE.matcher(line).matches() && (i == 0 || !lines.get(i - 1).startsWith("#"));
            if (opensSection && i + 1 < lines.size()) {
                titles.add(lines.get(i + 1).substring(1).strip());
                sectionLines.add(i + 1);
            }
        }

        List<String> problems = new ArrayList<>();
        if (!contents.equals(titles) || new HashSet<>(titles).size() != titles.size()) {
            problems.add("the contents list " + contents + " but the sections are " + titles);
        }
        Set<String> areasSeen = new HashSet<>();
        String previousArea = null;
        for (String title : titles) {
            String area = title.split(":", 2)[0];
            if (!area.equals(previousArea) && !areasSeen.add(area)) {
                problems.add("the area " + area + " is split: section '" + title + "' stands apart from its other sections");
            }
            previousArea = area;
        }

        int firstSectionLine = sectionLines.isEmpty() ? Integer.MAX_VALUE : sectionLines.get(0);
        TypeDefinitionRegistry registry = new SchemaParser().parse(schema);
        List<Placed> extensions = extensions(registry);
        List<Placed> definitions = new ArrayList<>(extensions);
        registry.types().values().forEach(type -> definitions.add(Placed.of(type)));
        registry.scalars().values().stream()
                .filter(scalar -> !isBuiltIn(scalar.getName()))
                .forEach(scalar -> definitions.add(Placed.of(scalar)));
        definitions.stream()
                .filter(definition -> definition.line() < firstSectionLine)
                .sorted(Comparator.comparingInt(Placed::line))
                .forEach(definition -> problems.add(definition.name() + " (line " + definition.line() + ") sits in no section"));
        for (Placed extension : extensions) {
            registry.getType(extension.name()).map(Placed::of)
                    .filter(definition -> definition.line() > extension.line())
                    .ifPresent(definition -> problems.add("an extension of " + extension.name() + " (line "
                            + extension.line() + ") comes before its definition (line " + definition.line() + ")"));
        }
        return problems;
    }

    /** A definition or extension of a type, by the line it starts on. */
    private record Placed(String name, int line) {
        static Placed of(TypeDefinition<?> definition) {
            return new Placed(definition.getName(), definition.getSourceLocation().getLine());
        }
    }

    private static List<Placed> extensions(TypeDefinitionRegistry registry) {
        List<Map<String, ? extends List<? extends TypeDefinition<?>>>> byKind = List.of(
                registry.objectTypeExtensions(), registry.inputObjectTypeExtensions(), registry.enumTypeExtensions(),
                registry.interfaceTypeExtensions(), registry.unionTypeExtensions(), registry.scalarTypeExtensions());
        return byKind.stream()
                .flatMap(extensions -> extensions.values().stream())
                .flatMap(List::stream)
                .map(Placed::of)
                .toList();
    }

    private static void describeField(String owner, FieldDefinition field, List<String> undescribed) {
        requireDescription(field, owner + "." + field.getName(), undescribed);
        for (InputValueDefinition argument : field.getInputValueDefinitions()) {
            requireDescription(argument, owner + "." + field.getName() + "(" + argument.getName() + ")", undescribed);
        }
    }

    private static void requireDescription(AbstractDescribedNode<?> node, String name, List<String> undescribed) {
        if (node.getDescription() == null || node.getDescription().getContent().isBlank()) {
            undescribed.add(name);
        }
    }

    private static boolean isBuiltIn(String scalar) {
        return List.of("Int", "Float", "String", "Boolean", "ID").contains(scalar);
    }
}
