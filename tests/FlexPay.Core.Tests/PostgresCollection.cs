using FlexPay.Testing;

namespace FlexPay.Core.Tests;

/// <summary>The test classes that run on PostgreSQL: one server for all of them (one after another), a database each.</summary>
[CollectionDefinition(PostgresServer.Collection)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>;
