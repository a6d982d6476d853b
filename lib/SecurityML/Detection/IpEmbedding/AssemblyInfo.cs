using System.Runtime.CompilerServices;

// The gradient check of the IP embedding network reaches its internal forward/backward pass.
[assembly: InternalsVisibleTo("SecurityML.Tests")]
