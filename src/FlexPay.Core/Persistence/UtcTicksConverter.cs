using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FlexPay.Core.Persistence;

/// <summary>Stores an instant as its UTC ticks: exact to 100 ns, and ordered correctly by SQLite.</summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
