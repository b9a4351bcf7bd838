namespace Certifications.Domain.Common;

/// <summary>Either a value or an expected <see cref="Error"/>; exceptions stay for the unexpected.</summary>
public readonly struct Result<T>
{
    private readonly T? value;

    private Result(T? value, Error? error)
    {
        this.value = value;
        Error = error;
    }

    public Error? Error { get; }

    public bool IsSuccess => Error is null;

    public T Value => IsSuccess ? value! : throw new InvalidOperationException($"No value: {Error!.Detail}");

    public static implicit operator Result<T>(T value) => new(value, null);

    /// <summary>A success; needed where T is an interface, which implicit conversions do not cover.</summary>
    public static Result<T> Ok(T value) => new(value, null);

    public static implicit operator Result<T>(Error error) => new(default, error);

    public Result<TOut> Map<TOut>(Func<T, TOut> map) => IsSuccess ? map(Value) : Error!;

    public async Task<Result<TOut>> BindAsync<TOut>(Func<T, Task<Result<TOut>>> next) =>
        IsSuccess ? await next(Value).ConfigureAwait(false) : Error!;
}

/// <summary>Chaining on results that are still being computed.</summary>
public static class ResultTasks
{
    public static async Task<Result<TOut>> BindAsync<T, TOut>(this Task<Result<T>> pending, Func<T, Task<Result<TOut>>> next) =>
        await (await pending.ConfigureAwait(false)).BindAsync(next).ConfigureAwait(false);
}
