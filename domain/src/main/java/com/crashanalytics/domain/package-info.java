/**
 * The hexagon: the game's model, its use cases and the ports they talk through. Plain Java, no framework. Areas are
 * packages ({@code bot}, {@code session}, {@code round}, {@code analytics}, ...); each holds its model, its inbound
 * ports and its outbound ports.
 *
 * <h2>One door per side</h2>
 * <ul>
 *   <li><b>Writes</b> come in through an inbound port, a {@code …UseCase} with a self-validating command record
 *       ({@code LogRoundUseCase} + {@code LogRoundCommand}). The use case decides, in one transaction, and writes
 *       through the write-side outbound ports ({@code BotRegistry}, {@code SessionLog}, {@code RoundLogbook}, ...).
 *       Those ports are the use cases' alone.</li>
 *   <li><b>Reads</b>, by id or by list, go through a read model, a {@code …ReadModel} outbound port
 *       ({@code RoundReadModel.find}, {@code RoundReadModel.rounds}); a read that validates or computes (the
 *       analytics) goes through an inbound port with a self-validating query record
 *       ({@code GetMultiplierDistributionUseCase} + {@code MultiplierDistributionQuery}).</li>
 *   <li>So a GraphQL controller binds arguments, calls a {@code …UseCase} or a {@code …ReadModel}, and maps the
 *       answer: it depends on no other interface of the domain. {@code ArchitectureTest} holds this rule
 *       ({@code BoundaryRules.controllersUseOnlyUseCasesAndReadModels}).</li>
 * </ul>
 */
@NullMarked
package com.crashanalytics.domain;

import org.jspecify.annotations.NullMarked;
