using FluentValidation;

namespace FlexPay.Admin.Components.Shared;

public static class FluentValidationForMudForm
{
    /// <summary>
    /// A MudForm <c>Validation</c> function from a FluentValidation validator: each field (bound with
    /// <c>For</c>) shows the errors of its own property, as the person types.
    /// </summary>
    public static Func<object, string, Task<IEnumerable<string>>> ForMudForm<T>(this IValidator<T> validator) => async (model, propertyName) =>
    {
        var result = await validator.ValidateAsync(ValidationContext<T>.CreateWithOptions((T)model, o => o.IncludeProperties(propertyName)));
        return result.IsValid ? [] : result.Errors.Select(e => e.ErrorMessage);
    };
}
