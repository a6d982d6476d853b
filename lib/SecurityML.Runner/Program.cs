Console.WriteLine("secml");
